# asyncio.current_task() and asyncio.all_tasks() as described in the docs.
import asyncio

async def worker(n):
    await asyncio.sleep(n)

async def main():
    me = asyncio.current_task()
    print("I am", me.get_name())
    tasks = [asyncio.create_task(worker(n), name="worker-%d" % n) for n in (1, 2)]
    others = sorted(t.get_name() for t in asyncio.all_tasks() if t is not me)
    print("other tasks:", others)
    await asyncio.gather(*tasks)
    print("after gather, all_tasks():", [t.get_name() for t in asyncio.all_tasks()])

asyncio.run(main())
