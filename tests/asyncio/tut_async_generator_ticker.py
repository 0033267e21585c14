# An async generator that yields a value every interval; consumed with
# `async for`.
import asyncio

async def ticker(interval, count):
    for i in range(count):
        yield i, asyncio.get_running_loop().time()
        await asyncio.sleep(interval)

async def main():
    async for n, t in ticker(0.5, 4):
        print("tick", n, "at t =", t)
    total = []
    async for n, _ in ticker(0.1, 5):
        total.append(n)
    print("collected:", total, "at t =", round(asyncio.get_running_loop().time(), 2))

asyncio.run(main())
