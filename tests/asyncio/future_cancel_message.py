# Future.cancel(msg) stores the message; every result()/await then raises
# CancelledError(msg). CancelledError is a BaseException, not an Exception.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    print("cancel ->", fut.cancel("shutting down"))
    print("cancel again ->", fut.cancel("ignored"))
    for attempt in range(2):
        try:
            fut.result()
        except asyncio.CancelledError as e:
            print("attempt", attempt, repr(e))
    try:
        fut.exception()
    except asyncio.CancelledError as e:
        print("exception() also raises:", repr(e))
    print("is Exception?", issubclass(asyncio.CancelledError, Exception))
    print("is BaseException?", issubclass(asyncio.CancelledError, BaseException))

asyncio.run(main())
