# An empty TaskGroup exits immediately; a group with an already-finished
# task also works.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup():
        pass
    print("empty group done at", loop.time())
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(asyncio.sleep(0, "zero"))
    print("result:", t.result())

asyncio.run(main())
