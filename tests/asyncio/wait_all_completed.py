# asyncio.wait(tasks) waits for all of them by default and returns two sets:
# (done, pending). Sets are unordered, so sort before printing.
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("x", 2), ("y", 1), ("z", 3)]]
    done, pending = await asyncio.wait(tasks)
    print("done:", sorted(t.result() for t in done), "| pending:", len(pending))
    print("t =", asyncio.get_running_loop().time())
    print("wait does not raise, it returns sets:", type(done).__name__, type(pending).__name__)

asyncio.run(main())
