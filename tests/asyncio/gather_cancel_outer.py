# Cancelling a gather future cancels all its children. The gather future
# itself ends with a CancelledError exception but cancelled() is False.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def main():
    g = asyncio.gather(child(1), child(2), child(3))
    await asyncio.sleep(1)
    print("cancel() ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("await g raised CancelledError")
    print("g.done():", g.done(), "| g.cancelled():", g.cancelled())

asyncio.run(main())
