# Seed example 4, modernised: asyncio.create_task() inside a running loop
# replaces loop.create_task() on a loop from get_event_loop().
import asyncio

async def test1():
    print("1")
    await test2()
    print("2")

async def test2():
    print("3")
    print("4")

async def main():
    task = asyncio.create_task(test1())
    print("task created:", task.get_name())
    await task
    print("task done:", task.done())

asyncio.run(main())
