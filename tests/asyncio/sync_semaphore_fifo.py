# Semaphore waiters are served first in, first out.
import asyncio

async def job(sem, name):
    print(name, "waits")
    async with sem:
        print(name, "runs")
        await asyncio.sleep(0)
    print(name, "leaves")

async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(*(job(sem, n) for n in "ABCD"))

asyncio.run(main())
