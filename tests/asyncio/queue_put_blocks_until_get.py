# put() on a full queue blocks; the blocked putters resume FIFO as space
# frees up.
import asyncio

async def putter(q, item):
    print("putter", item, "wants to put")
    await q.put(item)
    print("putter", item, "done")

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    ps = [asyncio.create_task(putter(q, i)) for i in (1, 2)]
    await asyncio.sleep(0)
    for _ in range(3):
        print("main takes", q.get_nowait())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    await asyncio.gather(*ps)

asyncio.run(main())
