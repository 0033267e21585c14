# A task is pending until its coroutine returns or raises; then result()
# or exception() tell how it ended.
import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return "fine"

async def broken():
    await asyncio.sleep(0.1)
    raise LookupError("missing")

async def main():
    a = asyncio.create_task(ok())
    b = asyncio.create_task(broken())
    print("done?", a.done(), b.done())
    await asyncio.sleep(0.2)
    print("done?", a.done(), b.done())
    print("a.result():", a.result(), "| a.exception():", a.exception())
    print("b.exception():", repr(b.exception()))
    try:
        b.result()
    except LookupError as e:
        print("b.result() raises", repr(e))

asyncio.run(main())
