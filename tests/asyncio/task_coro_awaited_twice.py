# A coroutine object can be awaited only once; wrapping an already-used
# coroutine in a task makes the task fail.
import asyncio

async def once():
    return "once"

async def main():
    c = once()
    print("first:", await c)
    try:
        await c
    except RuntimeError as e:
        print("second:", e)
    t = asyncio.create_task(c)
    try:
        await t
    except RuntimeError as e:
        print("task:", e)

asyncio.run(main())
