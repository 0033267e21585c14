# gather() returns results in argument order, not completion order.
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("finished", name, "at", asyncio.get_running_loop().time())
    return name.upper()

async def main():
    results = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("mid", 2))
    print("results:", results)
    print("total time:", asyncio.get_running_loop().time())

asyncio.run(main())
