# result() and exception() on a pending future raise InvalidStateError.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("result():", repr(e))
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print("exception():", repr(e))
    print("InvalidStateError is an Exception:", issubclass(asyncio.InvalidStateError, Exception))
    fut.set_result(None)
    print("now result() =", fut.result(), "and exception() =", fut.exception())

asyncio.run(main())
