# str() of a Queue has no address: it shows maxsize, content and unfinished
# task count.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=3)
    print(str(q))
    q.put_nowait(1)
    q.put_nowait([2, 3])
    print(str(q))
    q.get_nowait()
    print(str(q))
    q.task_done()
    print(str(q))
    lq = asyncio.LifoQueue()
    lq.put_nowait("z")
    print(str(lq))

asyncio.run(main())
