# From the docs (asyncio.Condition): the `async with cond: await
# cond.wait()` form, with a producer that notifies.
import asyncio

async def consumer(cond, shared):
    async with cond:
        await cond.wait()
        print("consumer: shared resource is", shared)

async def main():
    cond = asyncio.Condition()
    shared = []
    task = asyncio.create_task(consumer(cond, shared))
    await asyncio.sleep(1)
    async with cond:
        shared.append("ready")
        cond.notify()
    await task

asyncio.run(main())
