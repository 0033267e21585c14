# notify_all() wakes every waiter; they re-acquire the lock one at a time.
import asyncio

async def reader(cond, name, state):
    async with cond:
        await cond.wait()
        print(name, "woke, sees version", state["version"])
        await asyncio.sleep(0.1)

async def main():
    cond = asyncio.Condition()
    state = {"version": 0}
    tasks = [asyncio.create_task(reader(cond, "r%d" % i, state)) for i in range(3)]
    await asyncio.sleep(1)
    async with cond:
        state["version"] = 1
        cond.notify_all()
        print("notify_all sent")
    await asyncio.gather(*tasks)
    print("all readers done at", round(asyncio.get_running_loop().time(), 1))

asyncio.run(main())
