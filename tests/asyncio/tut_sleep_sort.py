# "Sleep sort": each number sleeps for its own value and then reports. A
# joke algorithm, but a nice picture of timers firing in deadline order.
import asyncio

async def sleeper(n, out):
    await asyncio.sleep(n)
    out.append(n)

async def main():
    numbers = [5, 3, 9, 1, 3, 7]
    out = []
    await asyncio.gather(*(sleeper(n, out) for n in numbers))
    print("sorted:", out)
    print("took", asyncio.get_running_loop().time(), "seconds (the largest number)")

asyncio.run(main())
