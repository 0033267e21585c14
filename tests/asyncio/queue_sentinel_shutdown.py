# Stopping several consumers with one sentinel each.
import asyncio

STOP = "STOP"

async def consumer(name, q):
    handled = 0
    while True:
        item = await q.get()
        if item == STOP:
            print(name, "stops after", handled, "items")
            return handled
        handled += 1
        await asyncio.sleep(0.1 * item)

async def main():
    q = asyncio.Queue()
    consumers = [asyncio.create_task(consumer("c%d" % i, q)) for i in range(3)]
    for item in [3, 1, 2, 2, 1, 3, 1]:
        await q.put(item)
    for _ in consumers:
        await q.put(STOP)
    counts = await asyncio.gather(*consumers)
    print("items per consumer:", counts, "| total:", sum(counts))

asyncio.run(main())
