# On timeout wait_for cancels the inner task and waits for it to finish:
# the inner finally block runs before the TimeoutError reaches the caller.
import asyncio

async def worker():
    try:
        print("worker starts")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker cancelled at t =", asyncio.get_running_loop().time())
        raise
    finally:
        print("worker finally")

async def main():
    try:
        await asyncio.wait_for(worker(), timeout=1.5)
    except asyncio.TimeoutError as e:
        print("caller sees", repr(e))
        print("caused by:", type(e.__cause__).__name__)

asyncio.run(main())
