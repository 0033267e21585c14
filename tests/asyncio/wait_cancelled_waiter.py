# Cancelling a task that is inside asyncio.wait() does not cancel the tasks
# it waits for.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    print("job", d, "finished at", asyncio.get_running_loop().time())

async def watcher(tasks):
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError:
        print("watcher cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (1, 2)]
    w = asyncio.create_task(watcher(tasks))
    await asyncio.sleep(0.5)
    w.cancel()
    await asyncio.sleep(3)
    print("watcher cancelled:", w.cancelled(), "| jobs done:", [t.done() for t in tasks])

asyncio.run(main())
