# result() on a future holding an exception raises that exception; awaiting
# it does the same, and it is the very same object each time.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    err = RuntimeError("stored")
    fut.set_exception(err)
    try:
        fut.result()
    except RuntimeError as e:
        print("result() raised", repr(e), "| same object:", e is err)
    try:
        await fut
    except RuntimeError as e:
        print("await raised", repr(e), "| same object:", e is err)
    print("exception() returns it:", fut.exception() is err)

asyncio.run(main())
