# A getter woken by put_nowait() does not reserve the item: if someone else
# takes it first, the woken getter waits again, at the back of the line.
import asyncio

async def getter(q, name):
    item = await q.get()
    print(name, "got", item)

async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("first")          # wakes g1 ...
    print("main steals", q.get_nowait())   # ... but main takes the item
    await asyncio.sleep(0)
    q.put_nowait("second")
    q.put_nowait("third")
    await asyncio.gather(g1, g2)

asyncio.run(main())
