# Cancelling the task that holds a TaskGroup cancels all the children and
# the CancelledError propagates (no ExceptionGroup).
import asyncio

async def child(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "child %d saw cancel" % n

async def parent(results):
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            results.append(tg.create_task(child(n)))

async def main():
    results = []
    p = asyncio.create_task(parent(results))
    await asyncio.sleep(1)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled())
    print(sorted(t.result() for t in results))

asyncio.run(main())
