# A coroutine cannot drive the loop recursively: calling run_until_complete
# from inside a task is refused.
import asyncio

loop = asyncio.new_event_loop()

async def inner():
    return "inner"

async def outer():
    coro = inner()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    return await coro

print(loop.run_until_complete(outer()))
loop.close()
