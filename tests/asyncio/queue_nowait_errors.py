# get_nowait() on an empty queue raises QueueEmpty; put_nowait() on a full
# bounded queue raises QueueFull.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty on an empty queue")
    q.put_nowait("a")
    q.put_nowait("b")
    print("size:", q.qsize(), "| full:", q.full(), "| empty:", q.empty())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull at maxsize", q.maxsize)
    print("get_nowait:", q.get_nowait(), q.get_nowait())
    print("QueueEmpty/QueueFull are Exceptions:",
          issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))

asyncio.run(main())
