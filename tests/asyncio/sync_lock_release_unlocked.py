# Releasing a lock that is not held raises RuntimeError; locked() reports
# the state.
import asyncio

async def main():
    lock = asyncio.Lock()
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("acquire() returns", await lock.acquire())
    print("locked:", lock.locked())
    lock.release()
    print("locked after release:", lock.locked())

asyncio.run(main())
