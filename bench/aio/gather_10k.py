# 10,000 coroutines in one asyncio.gather: task creation, done callbacks, the gather future.
import asyncio

N = 10_000


async def job(i):
    await asyncio.sleep(0)
    return i * 2


async def main():
    results = await asyncio.gather(*[job(i) for i in range(N)])
    print("gather_10k", len(results), sum(results))


asyncio.run(main())
