# Cancel a group of tasks and wait for all of them to finish their cleanup.
import asyncio

async def worker(n):
    try:
        await asyncio.sleep(100)
    finally:
        await asyncio.sleep(n / 10)   # cleanup may itself await
        print("worker", n, "cleaned up at", asyncio.get_running_loop().time())

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in (3, 1, 2)]
    await asyncio.sleep(1)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
