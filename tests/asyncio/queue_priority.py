# PriorityQueue returns the smallest item first; (priority, data) tuples
# are the usual entries.
import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for entry in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        q.put_nowait(entry)
    while not q.empty():
        priority, job = q.get_nowait()
        print(priority, job)

asyncio.run(main())
