# A watchdog: a worker must "feed" it at least every second; when the
# worker stalls, the watchdog notices and cancels it.
import asyncio

async def worker(fed):
    for pause in (0.5, 0.8, 0.3, 2.5, 0.1):
        await asyncio.sleep(pause)
        fed.set()
        print("worker fed the watchdog at t =", asyncio.get_running_loop().time())

async def watchdog(fed, victim):
    while not victim.done():
        fed.clear()
        try:
            await asyncio.wait_for(fed.wait(), timeout=1)
        except TimeoutError:
            print("watchdog: no heartbeat for 1 s at t =", asyncio.get_running_loop().time())
            victim.cancel()
            return

async def main():
    fed = asyncio.Event()
    w = asyncio.create_task(worker(fed))
    await watchdog(fed, w)
    await asyncio.gather(w, return_exceptions=True)
    print("worker cancelled:", w.cancelled())

asyncio.run(main())
