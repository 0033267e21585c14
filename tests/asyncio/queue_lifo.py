# LifoQueue returns the most recently added item first.
import asyncio

async def main():
    q = asyncio.LifoQueue()
    for word in ["first", "second", "third"]:
        await q.put(word)
    while not q.empty():
        print(await q.get())
    print("empty:", q.empty())

asyncio.run(main())
