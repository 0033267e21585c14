# Measuring how long an awaited operation took with time.monotonic(): a
# common pattern that reads nicely on the virtual clock.
import asyncio
import time

async def operation(name, d):
    await asyncio.sleep(d)
    return name

async def timed(coro):
    start = time.monotonic()
    result = await coro
    return result, time.monotonic() - start

async def main():
    for name, d in [("fast", 0.25), ("slow", 1.5)]:
        result, took = await timed(operation(name, d))
        print(result, "took", took, "s")
    (r1, t1), (r2, t2) = await asyncio.gather(timed(operation("p", 1)), timed(operation("q", 2)))
    print("in parallel:", r1, t1, "|", r2, t2, "| total", time.monotonic())

asyncio.run(main())
