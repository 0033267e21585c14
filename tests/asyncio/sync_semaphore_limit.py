# A Semaphore(2) lets at most two tasks into the section at the same time.
import asyncio

async def download(sem, n):
    async with sem:
        loop = asyncio.get_running_loop()
        print("start", n, "at", loop.time())
        await asyncio.sleep(1)
        print("end  ", n, "at", loop.time())

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n) for n in range(5)))
    print("5 downloads, 2 at a time, took", asyncio.get_running_loop().time(), "s")

asyncio.run(main())
