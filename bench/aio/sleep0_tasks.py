# 10,000 tasks, each doing 10 `await asyncio.sleep(0)`: the ready queue and task steps.
import asyncio

N_TASKS = 10_000
STEPS = 10


async def worker(i):
    total = 0
    for step in range(STEPS):
        await asyncio.sleep(0)
        total += step
    return total + i


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(N_TASKS)]
    total = 0
    for t in tasks:
        total += await t
    print("sleep0_tasks checksum", total)


asyncio.run(main())
