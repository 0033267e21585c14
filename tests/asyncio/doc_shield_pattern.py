# From the docs (asyncio.shield): protect an operation from cancellation,
# and the "ignore cancellation completely" variant with try/except.
import asyncio

async def something():
    await asyncio.sleep(2)
    print("something() finished")
    return "something's result"

async def caller():
    try:
        res = await asyncio.shield(something())
        print("caller got", res)
    except asyncio.CancelledError:
        res = None
        print("caller was cancelled; something() keeps running")
        raise

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(2)
    print("t cancelled:", t.cancelled())

asyncio.run(main())
