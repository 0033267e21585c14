# The classic producer/consumer pair connected by an asyncio.Queue.
# (Times are float sums: 2.1 + 0.8 prints as 2.9000000000000004.)
import asyncio

async def producer(q):
    for i in range(5):
        await asyncio.sleep(0.5)
        await q.put(i)
        print("t =", asyncio.get_running_loop().time(), "produced", i)
    await q.put(None)          # sentinel: no more items

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print("t =", asyncio.get_running_loop().time(), "    consumed", item)
        await asyncio.sleep(0.8)
    print("consumer done")

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
