# bench/trace/million.py - a scenario of about 1.2 million trace events: 300 tasks that
# each sleep 200 times (timers on the virtual clock, wake-ups, a print now and then), then
# gather. Used by bench/trace/bench.c; CPython runs it too.
import asyncio


async def worker(i, n):
    total = 0
    for k in range(n):
        total += k
        await asyncio.sleep(0.001 * (i % 7 + 1))
        if k % 50 == 0:
            print("worker", i, "step", k)
    return total


async def main():
    tasks = [asyncio.create_task(worker(i, 200)) for i in range(300)]
    results = await asyncio.gather(*tasks)
    print("sum", sum(results))


asyncio.run(main())
