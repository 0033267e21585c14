# TaskGroup.create_task(name=...) names the task; like asyncio.create_task
# it still consumes a Task-N number.
import asyncio

async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(who(), name="alpha")
        b = tg.create_task(who())
        c = tg.create_task(who(), name="gamma")
        d = tg.create_task(who())
    print([t.result() for t in (a, b, c, d)])

asyncio.run(main())
