# Python 3.11 TaskGroup: tasks created in the group are all awaited when the
# `async with` block exits.
import asyncio

async def fetch(name, d):
    await asyncio.sleep(d)
    print("fetched", name, "at", asyncio.get_running_loop().time())
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("users", 2))
        t2 = tg.create_task(fetch("orders", 1))
        print("tasks created inside the block")
    print("block exited at", asyncio.get_running_loop().time())
    print("results:", t1.result(), t2.result())

asyncio.run(main())
