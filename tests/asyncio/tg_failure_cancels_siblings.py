# When one child fails, the TaskGroup cancels the other children and raises
# an ExceptionGroup with the failure.
import asyncio

async def failing():
    await asyncio.sleep(1)
    raise ValueError("bad input")

async def long_running():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("long_running cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(long_running())
    except ExceptionGroup as eg:
        print("caught:", repr(eg))
        print("sub-exceptions:", [repr(e) for e in eg.exceptions])

asyncio.run(main())
