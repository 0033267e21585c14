# 1,000 tasks sleeping with timers of different lengths (10 rounds each): the timer heap.
# Delays are tenths of microseconds so that real CPython waits only a few milliseconds
# (its epoll rounds each idle wait up to 1 ms); loopscope's virtual clock jumps.
import asyncio

N_TASKS = 1_000
ROUNDS = 10


async def sleeper(i, order):
    for r in range(ROUNDS):
        await asyncio.sleep(((i * 7919 + r * 104729) % 1000) * 1e-7)
    order.append(i)
    return i


async def main():
    order = []
    tasks = [asyncio.create_task(sleeper(i, order)) for i in range(N_TASKS)]
    total = 0
    for t in tasks:
        total += await t
    print("timers_1k", len(order), total)


asyncio.run(main())
