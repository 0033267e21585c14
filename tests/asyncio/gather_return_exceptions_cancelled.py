# With return_exceptions=True a cancelled child appears as a CancelledError
# instance in the results.
import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return "slept %s" % d

async def main():
    tasks = [asyncio.create_task(nap(d)) for d in (1, 2, 3)]
    tasks[1].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))

asyncio.run(main())
