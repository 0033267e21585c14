# A task cancelled while waiting for a lock leaves the queue; the lock goes
# to the next waiter.
import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(2)
    print("holder released at", asyncio.get_running_loop().time())

async def wants(lock, name):
    try:
        async with lock:
            print(name, "got the lock at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    a = asyncio.create_task(wants(lock, "A"))
    b = asyncio.create_task(wants(lock, "B"))
    await asyncio.sleep(1)
    a.cancel()
    await asyncio.gather(h, a, b, return_exceptions=True)

asyncio.run(main())
