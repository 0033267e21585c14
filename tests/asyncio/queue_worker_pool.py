# A pool of three workers draining a queue of jobs of different lengths.
import asyncio

async def worker(name, q, log):
    loop = asyncio.get_running_loop()
    while True:
        job, cost = await q.get()
        start = loop.time()
        await asyncio.sleep(cost)
        log.append((start, name, job))
        print("%-3s did %-6s from t=%.1f to t=%.1f" % (name, job, start, loop.time()))
        q.task_done()

async def main():
    q = asyncio.Queue()
    for i, cost in enumerate([1.0, 0.5, 2.0, 0.5, 1.0, 0.5]):
        q.put_nowait(("job%d" % i, cost))
    log = []
    workers = [asyncio.create_task(worker("w%d" % n, q, log)) for n in range(3)]
    await q.join()
    print("all jobs done at t =", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

asyncio.run(main())
