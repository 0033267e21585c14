# acquire()/release() by hand, with try/finally, is what `async with` does.
import asyncio

async def worker(lock, name):
    await lock.acquire()
    try:
        print(name, "in critical section")
        await asyncio.sleep(0.5)
    finally:
        lock.release()
        print(name, "left")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, "one"), worker(lock, "two"))
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
