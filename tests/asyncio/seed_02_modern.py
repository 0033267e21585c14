# Seed example 2, modernised: asyncio.sleep() needs a running event loop, so
# the coroutines cannot be driven with send(None). Run both as tasks under
# asyncio.run(): while test1 sleeps, test2 gets its turn, and test1 finishes.
import asyncio

async def test1():
    print("1")
    await asyncio.sleep(1)  # suspends test1; the loop runs other tasks
    print("2")

async def test2():
    print("3")
    print("4")

async def main():
    a = asyncio.create_task(test1())
    b = asyncio.create_task(test2())
    await a
    await b

asyncio.run(main())
