# collections.deque is not awaitable: with a plain deque the consumer has
# to poll; asyncio.Queue lets it sleep until an item arrives.
import asyncio
from collections import deque

async def polling_consumer(d):
    polls = 0
    while not d:
        polls += 1
        await asyncio.sleep(0.25)
    print("deque consumer got", d.popleft(), "after", polls, "polls")

async def queue_consumer(q):
    print("queue consumer got", await q.get(), "without polling")

async def main():
    d, q = deque(), asyncio.Queue()
    t1 = asyncio.create_task(polling_consumer(d))
    t2 = asyncio.create_task(queue_consumer(q))
    await asyncio.sleep(1)
    d.append("item")
    q.put_nowait("item")
    await asyncio.gather(t1, t2)

asyncio.run(main())
