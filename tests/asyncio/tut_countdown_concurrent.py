# Two countdowns running concurrently with different speeds.
import asyncio

async def countdown(name, n, step):
    loop = asyncio.get_running_loop()
    while n > 0:
        print("%.1f %s: %d" % (loop.time(), name, n))
        await asyncio.sleep(step)
        n -= 1
    print("%.1f %s: liftoff" % (loop.time(), name))

async def main():
    await asyncio.gather(countdown("rocket A", 3, 1.0), countdown("rocket B", 4, 0.6))

asyncio.run(main())
