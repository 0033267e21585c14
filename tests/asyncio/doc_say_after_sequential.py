# From the docs ("Coroutines and Tasks"): awaiting two coroutines one after
# the other takes 1 + 2 = 3 seconds.
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.monotonic()}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.monotonic()}")

asyncio.run(main())
