# ensure_future(): a Task/Future is returned unchanged, a coroutine is
# wrapped in a new Task, anything else is a TypeError.
import asyncio

async def work():
    return "worked"

async def main():
    t = asyncio.create_task(work())
    print("task passes through:", asyncio.ensure_future(t) is t)
    f = asyncio.get_running_loop().create_future()
    print("future passes through:", asyncio.ensure_future(f) is f)
    wrapped = asyncio.ensure_future(work())
    print("coroutine wrapped:", type(wrapped).__name__, wrapped.get_name())
    try:
        asyncio.ensure_future("text")
    except TypeError as e:
        print("TypeError:", e)
    f.set_result(None)
    print(await t, await wrapped)

asyncio.run(main())
