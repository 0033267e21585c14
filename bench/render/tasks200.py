# Render benchmark scenario: 200 live tasks, 50 of them sleeping on timers.
import asyncio

N = 200
TIMERS = 50


async def worker(i, fut):
    value = await fut
    return value + i


async def sleeper(i):
    await asyncio.sleep(1 + i * 0.01)
    return i


async def main():
    loop = asyncio.get_running_loop()
    futures = [loop.create_future() for _ in range(N - TIMERS)]
    tasks = [asyncio.create_task(worker(i, f)) for i, f in enumerate(futures)]
    tasks += [asyncio.create_task(sleeper(i)) for i in range(TIMERS)]
    await asyncio.sleep(0.5)
    for f in futures:
        f.set_result(1)
    results = await asyncio.gather(*tasks)
    print(sum(results))


asyncio.run(main())
