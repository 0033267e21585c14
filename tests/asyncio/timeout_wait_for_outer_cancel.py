# Cancelling the task that sits in wait_for cancels the inner task too, and
# the caller gets CancelledError (not TimeoutError).
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner cleanup")

async def caller():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print("caller: CancelledError")
        raise
    except TimeoutError:
        print("caller: TimeoutError")

async def main():
    c = asyncio.create_task(caller())
    await asyncio.sleep(1)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled:", c.cancelled())

asyncio.run(main())
