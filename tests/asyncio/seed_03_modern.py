# Seed example 3, modernised: asyncio.run() creates the loop, runs the
# coroutine to completion and closes the loop (no get_event_loop()).
import asyncio

async def test1():
    print("1")
    await test2()  # a direct await runs test2 inside the same task
    print("2")

async def test2():
    print("3")
    print("4")

asyncio.run(test1())
