# return_when=FIRST_EXCEPTION returns when a task raises (or when all are
# done). wait() itself never raises the task's exception.
import asyncio

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def main():
    tasks = [asyncio.create_task(job("ok1", 1)),
             asyncio.create_task(job("bad", 2, fail=True)),
             asyncio.create_task(job("ok2", 4))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("t =", asyncio.get_running_loop().time(), "| done:", len(done), "| pending:", len(pending))
    for t in tasks:
        if t in done:
            print(" ", t.get_name(), "->", repr(t.exception()) if t.exception() else t.result())
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("cancelled the rest:", all(t.cancelled() for t in pending))

asyncio.run(main())
