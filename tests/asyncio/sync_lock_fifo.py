# Waiting tasks get the lock in the order they asked for it.
import asyncio

async def user(lock, name, hold):
    print(name, "asks for the lock")
    async with lock:
        print(name, "holds the lock at t =", asyncio.get_running_loop().time())
        await asyncio.sleep(hold)
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user(lock, "A", 1), user(lock, "B", 0.5), user(lock, "C", 0.25))

asyncio.run(main())
