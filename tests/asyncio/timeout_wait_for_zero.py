# wait_for(..., timeout=0) on a fresh coroutine: the task is cancelled
# before it runs a single line, so TimeoutError is immediate.
import asyncio

async def job():
    print("job body (never printed)")
    return 1

async def main():
    try:
        await asyncio.wait_for(job(), timeout=0)
    except TimeoutError:
        print("TimeoutError with timeout=0")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("already there")
    print("a done future still works:", await asyncio.wait_for(fut, timeout=0))
    try:
        await asyncio.wait_for(job(), timeout=-1)
    except TimeoutError:
        print("negative timeout behaves the same")

asyncio.run(main())
