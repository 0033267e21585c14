# After the group has finished, create_task() is refused.
import asyncio

async def noop():
    return None

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(noop())
    coro = noop()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

asyncio.run(main())
