# Several leftover tasks are cancelled at shutdown in an unspecified order;
# collect what they report and print it sorted.
import asyncio

reports = []

async def worker(n):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        reports.append("worker %d cancelled" % n)
        raise

async def main():
    for n in range(4):
        asyncio.create_task(worker(n))
    await asyncio.sleep(1)
    print("main returns with", len(asyncio.all_tasks()) - 1, "other tasks pending")

asyncio.run(main())
print(sorted(reports))
