# wait() on an event that is already set returns immediately, without
# letting other tasks run.
import asyncio

async def other():
    print("  other task runs")

async def main():
    ev = asyncio.Event()
    ev.set()
    asyncio.create_task(other())
    await ev.wait()
    print("wait() returned at once; other has not run yet")
    print("wait() returns", await ev.wait())
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
