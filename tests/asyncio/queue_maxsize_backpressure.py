# A bounded queue makes a fast producer wait for a slow consumer.
import asyncio

async def producer(q):
    loop = asyncio.get_running_loop()
    for i in range(5):
        await q.put(i)
        print("t =", loop.time(), "put", i, "(size now %d)" % q.qsize())

async def consumer(q):
    loop = asyncio.get_running_loop()
    for _ in range(5):
        await asyncio.sleep(1)
        item = q.get_nowait()
        print("t =", loop.time(), "        got", item)

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
