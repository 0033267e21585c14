# An exception in the body of the `async with` also cancels the children;
# it is re-raised inside the ExceptionGroup.
import asyncio

async def child():
    try:
        await asyncio.sleep(5)
    finally:
        print("child cleaned up")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(1)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print("group:", eg.message, "->", [repr(e) for e in eg.exceptions])
    print("t =", asyncio.get_running_loop().time())

asyncio.run(main())
