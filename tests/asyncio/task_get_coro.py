# get_coro() returns the coroutine object wrapped by the task.
import asyncio

async def work(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    coro = work(21)
    t = asyncio.create_task(coro)
    print("get_coro() is the same object:", t.get_coro() is coro)
    print("iscoroutine:", asyncio.iscoroutine(t.get_coro()))
    print("result:", await t)
    print("still the same object after completion:", t.get_coro() is coro)

asyncio.run(main())
