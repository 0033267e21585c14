# Without return_exceptions the first exception propagates to the awaiter at
# once, while the other children keep running (they are not cancelled).
import asyncio

async def worker(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name + " failed")
    print(name, "completed at", asyncio.get_running_loop().time())
    return name

async def main():
    tasks = [asyncio.create_task(worker("a", 1, True)),
             asyncio.create_task(worker("b", 2)),
             asyncio.create_task(worker("c", 3))]
    try:
        await asyncio.gather(*tasks)
    except RuntimeError as e:
        print("gather raised", repr(e), "at", asyncio.get_running_loop().time())
    print("still running:", [t.get_name() for t in tasks if not t.done()])
    await asyncio.sleep(5)
    print("later:", [t.result() for t in tasks[1:]])

asyncio.run(main())
