# If a cancelled task raises another exception while handling the
# cancellation, that exception wins: the task is finished, not cancelled.
import asyncio

async def clumsy():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")

async def main():
    t = asyncio.create_task(clumsy())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except RuntimeError as e:
        print("got", repr(e))
        print("context is the CancelledError:", type(e.__context__).__name__)
    print("cancelled():", t.cancelled(), "| done():", t.done())

asyncio.run(main())
