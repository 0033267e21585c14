# Several producers, one consumer, and a count of finished producers to
# know when to stop.
import asyncio

async def producer(name, q, items, delay):
    for i in range(items):
        await asyncio.sleep(delay)
        await q.put("%s-%d" % (name, i))
    await q.put(None)

async def consumer(q, producers):
    finished = 0
    received = []
    while finished < producers:
        item = await q.get()
        if item is None:
            finished += 1
            continue
        received.append(item)
        print("t = %.1f consumed %s" % (asyncio.get_running_loop().time(), item))
    return received

async def main():
    q = asyncio.Queue()
    results = await asyncio.gather(consumer(q, 2), producer("fast", q, 3, 0.3),
                                   producer("slow", q, 2, 0.5))
    print("consumer received", len(results[0]), "items")

asyncio.run(main())
