# Even with return_exceptions=True, cancelling the gather future itself
# makes awaiting it raise CancelledError.
import asyncio

async def child(n):
    await asyncio.sleep(n)
    return n

async def main():
    g = asyncio.gather(child(1), child(5), return_exceptions=True)
    asyncio.get_running_loop().call_later(2, g.cancel)
    try:
        print(await g)
    except asyncio.CancelledError:
        print("CancelledError at t =", asyncio.get_running_loop().time())
    print("exception():", repr(g.exception()))

asyncio.run(main())
