# cancel(msg) passes a message to the CancelledError raised in the task.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("worker got", repr(e), "args =", e.args)
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel("user pressed stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", repr(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() later:", repr(e))

asyncio.run(main())
