# Unnamed tasks are called Task-N from one process-wide counter. The main
# task of asyncio.run() is Task-1.
import asyncio

async def child():
    await asyncio.sleep(0)

async def main():
    print("main is", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child()) for _ in range(3)]
    print([t.get_name() for t in tasks])
    named = asyncio.create_task(child(), name="worker")
    after = asyncio.create_task(child())
    print("named:", named.get_name(), "| next unnamed:", after.get_name())
    await asyncio.gather(*tasks, named, after)

asyncio.run(main())
