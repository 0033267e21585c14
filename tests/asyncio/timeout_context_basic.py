# Python 3.11: `async with asyncio.timeout(delay)` limits a whole block.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(2):
        await asyncio.sleep(1)
        print("first sleep fits, t =", loop.time())
    try:
        async with asyncio.timeout(2):
            await asyncio.sleep(1)
            print("inside, t =", loop.time())
            await asyncio.sleep(5)
            print("never printed")
    except TimeoutError:
        print("TimeoutError at t =", loop.time())

asyncio.run(main())
