# shield() of an already-finished task returns that task itself.
import asyncio

async def quick():
    return 7

async def main():
    t = asyncio.create_task(quick())
    await t
    s = asyncio.shield(t)
    print("shield returned the task itself:", s is t)
    pending = asyncio.create_task(asyncio.sleep(1, "slept"))
    s2 = asyncio.shield(pending)
    print("for a pending task it is a new future:", s2 is not pending, type(s2).__name__)
    print(await s2)

asyncio.run(main())
