# Event: tasks wait() until someone calls set(); all waiters wake up.
import asyncio

async def waiter(name, ev):
    print(name, "waiting")
    await ev.wait()
    print(name, "released at t =", asyncio.get_running_loop().time())

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("A", "B", "C")]
    await asyncio.sleep(2)
    print("is_set before:", ev.is_set())
    ev.set()
    print("is_set after:", ev.is_set())
    await asyncio.gather(*tasks)

asyncio.run(main())
