# Condition: wait() releases the lock and sleeps until notify(); notify(1)
# wakes exactly one waiter (the oldest).
import asyncio

async def consumer(cond, name, box):
    async with cond:
        while not box:
            print(name, "waits")
            await cond.wait()
        print(name, "takes", box.pop(0))

async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(cond, n, box)) for n in ("c1", "c2")]
    await asyncio.sleep(0)
    for item in ("apple", "pear"):
        async with cond:
            box.append(item)
            print("producer adds", item, "and notifies one")
            cond.notify(1)
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
