# The same failure with gather() and with TaskGroup: gather lets the
# sibling finish, TaskGroup cancels it.
import asyncio

async def fail():
    await asyncio.sleep(1)
    raise ValueError("boom")

async def sibling(label):
    try:
        await asyncio.sleep(2)
        print(label, "sibling finished normally")
    except asyncio.CancelledError:
        print(label, "sibling was cancelled")
        raise

async def main():
    try:
        await asyncio.gather(fail(), sibling("gather:"))
    except ValueError:
        print("gather raised ValueError at", asyncio.get_running_loop().time())
    await asyncio.sleep(2)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            tg.create_task(sibling("taskgroup:"))
    except ExceptionGroup as eg:
        print("TaskGroup raised", repr(eg), "at", asyncio.get_running_loop().time())

asyncio.run(main())
