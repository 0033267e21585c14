# A decorator for coroutine functions that prints how long each call took
# on the virtual clock (uses functools.wraps).
import asyncio
import functools
import time

def timed(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.monotonic()
        try:
            return await fn(*args, **kwargs)
        finally:
            print("%s%r took %.2f s" % (fn.__name__, args, time.monotonic() - start))
    return wrapper

@timed
async def download(name, size):
    await asyncio.sleep(size / 100)
    return name

async def main():
    print("wrapper keeps the name:", download.__name__)
    await download("a.txt", 50)
    await asyncio.gather(download("b.bin", 120), download("c.bin", 30))

asyncio.run(main())
