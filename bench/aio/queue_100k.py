# A 100,000-item producer/consumer through a bounded asyncio.Queue: waiter futures,
# wake-ups and the Queue's fast paths.
import asyncio

N_ITEMS = 100_000


async def producer(q):
    for i in range(N_ITEMS):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    total = 0
    count = 0
    while True:
        item = await q.get()
        if item is None:
            break
        total += item
        count += 1
    return count, total


async def main():
    q = asyncio.Queue(maxsize=100)
    prod = asyncio.create_task(producer(q))
    count, total = await consumer(q)
    await prod
    print("queue_100k", count, total)


asyncio.run(main())
