# A task that releases a lock and immediately asks again goes to the back
# of the queue: no barging.
import asyncio

async def greedy(lock, name):
    for r in range(2):
        async with lock:
            print(name, "round", r)
            await asyncio.sleep(0)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(greedy(lock, "A"), greedy(lock, "B"))

asyncio.run(main())
