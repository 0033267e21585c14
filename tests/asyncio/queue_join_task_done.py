# join() waits until task_done() has been called once for every item put.
import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(name, "finished item", item, "at", asyncio.get_running_loop().time())
        q.task_done()

async def main():
    q = asyncio.Queue()
    for item in (2, 1, 3, 1):
        q.put_nowait(item)
    workers = [asyncio.create_task(worker("w%d" % i, q)) for i in range(2)]
    await q.join()
    print("join() returned at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped")

asyncio.run(main())
