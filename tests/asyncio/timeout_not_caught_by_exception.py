# CancelledError (raised inside the body) is not an Exception, so
# `except Exception` in the body does not swallow the timeout.
import asyncio

async def main():
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(5)
            except Exception as e:
                print("not reached:", e)
    except TimeoutError:
        print("TimeoutError escaped the body's except Exception")
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except Exception as e:
        print("but the TimeoutError outside IS an Exception:", type(e).__name__)

asyncio.run(main())
