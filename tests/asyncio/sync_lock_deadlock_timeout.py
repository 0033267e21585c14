# Acquiring an asyncio.Lock twice in the same task deadlocks (it is not
# reentrant); a timeout makes the problem visible.
import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("holding the lock; trying to take it again...")
        try:
            await asyncio.wait_for(lock.acquire(), timeout=2)
        except TimeoutError:
            print("TimeoutError at", asyncio.get_running_loop().time(), "- Lock is not reentrant")
    print("released; locked =", lock.locked())

asyncio.run(main())
