# An exception from a task surfaces when its as_completed awaitable is
# awaited; the loop over the others can continue.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("job 2 broke")
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    for fut in asyncio.as_completed(tasks):
        try:
            print("ok:", await fut)
        except ValueError as e:
            print("failed:", e)

asyncio.run(main())
