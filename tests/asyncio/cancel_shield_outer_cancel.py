# Cancelling the future returned by shield() does not cancel the inner task.
import asyncio

async def important():
    await asyncio.sleep(1)
    print("important work finished")
    return 42

async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)
    print("outer.cancel() ->", outer.cancel())
    print("outer cancelled:", outer.cancelled(), "| inner cancelled:", inner.cancelled())
    print("inner result:", await inner)

asyncio.run(main())
