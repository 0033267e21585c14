# From the docs (3.11): the say_after example with asyncio.TaskGroup. The
# await is implicit when the context manager exits.
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(say_after(1, 'hello'))
        task2 = tg.create_task(say_after(2, 'world'))
        print(f"started at {time.monotonic()}")
    # The await is implicit when the context manager exits.
    print(f"finished at {time.monotonic()}")
    print("results:", task1.result(), task2.result())

asyncio.run(main())
