# Tasks interleave only at await points. Between awaits a task runs
# uninterrupted.
import asyncio

async def counter(name, n):
    for i in range(n):
        print(name, "step", i, "part a")
        print(name, "step", i, "part b (same step, nobody interrupts)")
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(counter("X", 2), counter("Y", 2))

asyncio.run(main())
