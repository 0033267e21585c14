# join() waits for processing, not just for the queue to be empty.
import asyncio

async def slow_worker(q):
    while True:
        item = await q.get()
        print("picked", item, "queue empty now:", q.empty())
        await asyncio.sleep(2)
        print("processed", item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    q.put_nowait("only item")
    w = asyncio.create_task(slow_worker(q))
    await asyncio.sleep(0.5)
    print("queue empty at 0.5:", q.empty(), "- but join() still waits")
    await q.join()
    print("join returned at", asyncio.get_running_loop().time())
    w.cancel()

asyncio.run(main())
