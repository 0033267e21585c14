#| iteration-cost: 0.01
# With `#| iteration-cost: 0.01` every loop iteration costs 10 ms of virtual
# time, so a busy loop lets time pass and timers fire in between.
import asyncio

async def busy(n):
    for i in range(n):
        await asyncio.sleep(0)
    print("busy: %d iterations ended at t = %.2f" % (n, asyncio.get_running_loop().time()))

async def main():
    loop = asyncio.get_running_loop()
    for when in (0.05, 0.105):
        loop.call_later(when, lambda w=when: print("timer %.3f fired at t = %.2f" % (w, loop.time())))
    await busy(20)

asyncio.run(main())
