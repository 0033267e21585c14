# FIRST_EXCEPTION with no failing task behaves like ALL_COMPLETED; a
# cancelled task does not count as an exception.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (1, 2, 3)]
    tasks[0].cancel()
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("returned at t =", asyncio.get_running_loop().time())
    print("done:", len(done), "pending:", len(pending))
    print("cancelled:", [t.cancelled() for t in tasks])

asyncio.run(main())
