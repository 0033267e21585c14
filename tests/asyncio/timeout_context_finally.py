# When the timeout fires, the body's finally blocks run first; then the
# context manager turns the CancelledError into TimeoutError and
# cancelling() is back to 0.
import asyncio

async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0.5):
            try:
                await asyncio.sleep(2)
            finally:
                print("body finally; cancelling =", me.cancelling())
    except TimeoutError as e:
        print("TimeoutError; cancelling =", me.cancelling())
        print("cause:", type(e.__cause__).__name__)

asyncio.run(main())
