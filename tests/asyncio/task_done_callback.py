# Tasks are futures: add_done_callback works, and the callback receives the
# task itself.
import asyncio

def announce(task):
    print("callback:", task.get_name(), "->", task.result())

async def job(x):
    await asyncio.sleep(x)
    return x * 10

async def main():
    for x in (0.3, 0.1, 0.2):
        t = asyncio.create_task(job(x), name="job-%s" % x)
        t.add_done_callback(announce)
    await asyncio.sleep(1)
    print("main done")

asyncio.run(main())
