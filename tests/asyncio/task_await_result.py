# Awaiting a task gives its return value; awaiting it again (it is done)
# returns immediately with the same value.
import asyncio

async def compute(n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
    return total

async def main():
    t = asyncio.create_task(compute(5))
    print("first await:", await t)
    print("second await:", await t)
    print("result():", t.result())
    print("awaiting a done task costs no iteration:", t.done())

asyncio.run(main())
