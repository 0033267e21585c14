# A Condition can share an existing Lock.
import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with lock:
        print("holding the lock, cond.locked():", cond.locked())
    flag = []

    async def setter():
        await asyncio.sleep(1)
        async with cond:
            flag.append("ready")
            cond.notify()

    asyncio.create_task(setter())
    async with cond:
        await cond.wait_for(lambda: flag)
        print("flag:", flag, "| lock held:", lock.locked())

asyncio.run(main())
