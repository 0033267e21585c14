# Wait for a queue item with a timeout.
import asyncio

async def main():
    q = asyncio.Queue()
    asyncio.get_running_loop().call_later(3, q.put_nowait, "late item")
    for limit in (1, 5):
        try:
            item = await asyncio.wait_for(q.get(), timeout=limit)
            print("got", repr(item), "at", asyncio.get_running_loop().time())
        except TimeoutError:
            print("no item within", limit, "s; t =", asyncio.get_running_loop().time())
    print("queue size afterwards:", q.qsize())

asyncio.run(main())
