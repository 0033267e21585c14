# gather() accepts futures and tasks as well as coroutines.
import asyncio

async def coro():
    await asyncio.sleep(0.2)
    return "from coroutine"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, "from future")
    task = asyncio.create_task(coro())
    print(await asyncio.gather(fut, task, coro(), asyncio.sleep(0.3, "from sleep")))

asyncio.run(main())
