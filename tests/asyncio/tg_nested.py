# TaskGroups nest: an inner group finishes before the outer body continues.
import asyncio

async def step(name, d):
    await asyncio.sleep(d)
    print(name, "at", asyncio.get_running_loop().time())

async def main():
    async with asyncio.TaskGroup() as outer:
        outer.create_task(step("outer-A", 3))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(step("inner-1", 1))
            inner.create_task(step("inner-2", 2))
        print("inner group done at", asyncio.get_running_loop().time())
        outer.create_task(step("outer-B", 0.5))
    print("outer group done at", asyncio.get_running_loop().time())

asyncio.run(main())
