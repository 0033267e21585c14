# A done callback receives the future itself; it can read result(),
# exception() or cancelled() to see how it ended.
import asyncio

def describe(fut):
    if fut.cancelled():
        print("callback: cancelled")
    elif fut.exception() is not None:
        print("callback: failed with", repr(fut.exception()))
    else:
        print("callback: result", fut.result())

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    for f in futs:
        f.add_done_callback(describe)
    futs[1].set_exception(OSError("disk"))
    futs[2].cancel()
    futs[0].set_result([1, 2])
    await asyncio.sleep(0)

asyncio.run(main())
