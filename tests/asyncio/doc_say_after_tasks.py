# From the docs: the same two calls wrapped in tasks run concurrently, so
# the whole thing takes 2 seconds instead of 3.
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    print(f"started at {time.monotonic()}")
    # Wait until both tasks are completed (should take around 2 seconds.)
    await task1
    await task2
    print(f"finished at {time.monotonic()}")

asyncio.run(main())
