# Virtual time only moves when the loop is idle. A busy task (sleep(0) in a
# loop) keeps the loop busy, so a timer due at t = 0.001 waits until the
# busy work is over - here 1000 iterations all happen at t = 0.
import asyncio

async def busy():
    loop = asyncio.get_running_loop()
    for i in range(1000):
        await asyncio.sleep(0)
    print("busy done at t =", loop.time())

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.001, lambda: print("timer fired at t =", loop.time()))
    await busy()
    await asyncio.sleep(0.01)
    print("main done at t =", loop.time())

asyncio.run(main())
