# Three tasks sleeping 1, 2 and 3 seconds concurrently finish at t = 3, not
# t = 6.
import asyncio

async def nap(name, seconds):
    loop = asyncio.get_running_loop()
    print(name, "starts at", loop.time())
    await asyncio.sleep(seconds)
    print(name, "ends at", loop.time())

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(nap(n, s)) for n, s in [("A", 3), ("B", 1), ("C", 2)]]
    for t in tasks:
        await t
    print("all done at", loop.time())
    await nap("sequential-1", 1)
    await nap("sequential-2", 1)
    print("sequential done at", loop.time())

asyncio.run(main())
