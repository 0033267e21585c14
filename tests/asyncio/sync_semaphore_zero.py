# Semaphore(0) starts locked: it works as a signal that someone else
# releases.
import asyncio

async def consumer(sem, name):
    await sem.acquire()
    print(name, "got a permit at", asyncio.get_running_loop().time())

async def main():
    sem = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(consumer(sem, n)) for n in ("a", "b", "c")]
    for t in (1, 2, 3):
        await asyncio.sleep(1)
        print("release at", asyncio.get_running_loop().time())
        sem.release()
    await asyncio.gather(*tasks)

asyncio.run(main())
