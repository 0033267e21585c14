# A scheduler serving jobs by priority from a PriorityQueue, with a worker
# started after all jobs were queued.
import asyncio

async def worker(q):
    while not q.empty():
        prio, name = await q.get()
        print("running", name, "(priority %d)" % prio)
        await asyncio.sleep(prio / 10)
        q.task_done()

async def main():
    q = asyncio.PriorityQueue()
    jobs = [(5, "backup"), (1, "alert"), (3, "report"), (1, "page-oncall"), (4, "cleanup")]
    for j in jobs:
        await q.put(j)
    await asyncio.create_task(worker(q))
    await q.join()
    print("finished at t =", round(asyncio.get_running_loop().time(), 1))

asyncio.run(main())
