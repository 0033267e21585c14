# time.sleep() inside a coroutine blocks the whole event loop: no other task
# runs while it sleeps. The clock still advances by the full amount.
import asyncio
import time

async def heartbeat():
    loop = asyncio.get_running_loop()
    for _ in range(4):
        print("  heartbeat at", loop.time())
        await asyncio.sleep(0.5)

async def blocker():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.6)
    print("blocker: time.sleep(2) at loop.time() =", loop.time(), "monotonic =", time.monotonic())
    time.sleep(2)
    print("blocker: woke at loop.time() =", loop.time(), "monotonic =", time.monotonic())

async def main():
    await asyncio.gather(heartbeat(), blocker())

asyncio.run(main())
