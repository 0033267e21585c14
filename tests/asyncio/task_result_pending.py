# result() on a task that has not finished raises InvalidStateError.
import asyncio

async def slow():
    await asyncio.sleep(1)
    return "slow result"

async def main():
    t = asyncio.create_task(slow())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("too early:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("too early:", e)
    print("after waiting:", await t)

asyncio.run(main())
