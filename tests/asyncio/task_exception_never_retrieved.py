# A task that fails while nobody awaits it: when the task object is freed,
# "Task exception was never retrieved" is written to stderr, with the
# traceback (whose last line is the error).
import asyncio

async def fails():
    await asyncio.sleep(0)
    raise ValueError("nobody listens")

async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.1)
    print("task done:", t.done())
    del t
    print("deleted the last reference")
    await asyncio.sleep(0.1)
    print("main finished normally")

asyncio.run(main())
