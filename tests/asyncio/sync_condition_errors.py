# wait() and notify() require holding the condition's lock.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait():", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify():", e)
    async with cond:
        cond.notify()
        print("inside the lock notify() with no waiters is fine; locked:", cond.locked())
    print("after the block, locked:", cond.locked())

asyncio.run(main())
