# Collect results from TaskGroup tasks after the block.
import asyncio

async def square(x):
    await asyncio.sleep(x / 10)
    return x * x

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(x)) for x in range(1, 6)]
    print([t.result() for t in tasks])
    print("names:", [t.get_name() for t in tasks])

asyncio.run(main())
