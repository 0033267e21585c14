# as_completed() yields awaitables in completion order. Pass tasks (not
# coroutines) so that the start order is the creation order.
import asyncio

async def download(name, d):
    await asyncio.sleep(d)
    return "%s (%ss)" % (name, d)

async def main():
    tasks = [asyncio.create_task(download(n, d))
             for n, d in [("big.iso", 3), ("small.txt", 1), ("photo.jpg", 2)]]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        print("t =", asyncio.get_running_loop().time(), "got", result)

asyncio.run(main())
