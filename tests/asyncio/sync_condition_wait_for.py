# wait_for(predicate) waits until the predicate is true, re-checking after
# every notification.
import asyncio

async def watcher(cond, state):
    async with cond:
        await cond.wait_for(lambda: state["level"] >= 3)
        print("watcher: level reached", state["level"], "at", asyncio.get_running_loop().time())

async def main():
    cond = asyncio.Condition()
    state = {"level": 0}
    w = asyncio.create_task(watcher(cond, state))
    for _ in range(4):
        await asyncio.sleep(1)
        async with cond:
            state["level"] += 1
            print("level ->", state["level"])
            cond.notify_all()
    await w

asyncio.run(main())
