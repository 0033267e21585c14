# Two tasks waiting for each other's locks: a deadlock. Nothing is ready and
# no timer is pending, so the loop is idle forever.
import asyncio

async def worker(name, first, second):
    async with first:
        print(name, "holds its first lock")
        await asyncio.sleep(0.1)
        print(name, "wants its second lock")
        async with second:
            print("never printed")

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker("T1", a, b), worker("T2", b, a))

asyncio.run(main())
