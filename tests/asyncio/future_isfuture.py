# asyncio.isfuture() is True for Futures and Tasks, False for coroutines.
import asyncio

async def coro_fn():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(coro_fn())
    coro = coro_fn()
    print("future:", asyncio.isfuture(fut))
    print("task:", asyncio.isfuture(task))
    print("coroutine:", asyncio.isfuture(coro))
    print("int:", asyncio.isfuture(3))
    print("Task is a Future subclass:", issubclass(asyncio.Task, asyncio.Future))
    coro.close()
    fut.cancel()
    await task

asyncio.run(main())
