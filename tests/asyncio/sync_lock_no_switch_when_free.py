# Acquiring a free lock does not suspend: other tasks do not get to run.
import asyncio

async def other():
    print("  other runs")

async def main():
    lock = asyncio.Lock()
    asyncio.create_task(other())
    async with lock:
        print("inside the lock, nothing else has run")
    print("released, still nothing else")
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
