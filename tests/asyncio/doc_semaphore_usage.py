# From the docs (asyncio.Semaphore): the preferred `async with sem:` form
# and the equivalent explicit acquire()/release().
import asyncio

async def main():
    sem = asyncio.Semaphore(10)
    # ... later
    async with sem:
        print("working with shared resource (async with)")
    # which is equivalent to:
    await sem.acquire()
    try:
        print("working with shared resource (acquire/release)")
    finally:
        sem.release()
    print("locked:", sem.locked())

asyncio.run(main())
