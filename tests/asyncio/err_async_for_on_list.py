# `async for` needs an asynchronous iterable; a list is not one.
import asyncio

async def agen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)

async def main():
    async for x in agen():
        print("async generator gave", x)
    try:
        async for x in [1, 2, 3]:
            print(x)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
