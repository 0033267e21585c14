# gathers can be nested; the inner gathers are just awaitables.
import asyncio

async def leaf(name, d):
    await asyncio.sleep(d)
    return name

async def group(prefix, n):
    return await asyncio.gather(*(leaf(prefix + str(i), i / 10) for i in range(n)))

async def main():
    result = await asyncio.gather(group("a", 2), group("b", 3), leaf("solo", 0.5))
    print(result)
    print("finished at", asyncio.get_running_loop().time())

asyncio.run(main())
