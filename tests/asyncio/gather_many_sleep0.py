# gather() of many sleep(0)-loops shows the round-robin order of steps.
import asyncio

async def spinner(name, turns):
    for i in range(turns):
        print(name * (i + 1))
        await asyncio.sleep(0)
    return name

async def main():
    print(await asyncio.gather(spinner("a", 3), spinner("b", 1), spinner("c", 2)))

asyncio.run(main())
