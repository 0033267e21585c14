# A Lock protects a critical section across await points.
import asyncio

counter = 0

async def increment(name, lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0.1)   # without the lock, another task would read the same value
        counter = value + 1
        print(name, "set counter to", counter)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment("t%d" % i, lock) for i in range(4)))
    print("final counter:", counter, "at t =", round(asyncio.get_running_loop().time(), 1))

asyncio.run(main())
