# wait(timeout=...) returns when the time is up; unfinished tasks are in
# `pending` and are NOT cancelled (no TimeoutError either).
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(d)) for d in (1, 2, 3, 4)]
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    print("t =", loop.time(), "done:", sorted(t.result() for t in done), "pending:", len(pending))
    print("pending ones still running:", not any(t.cancelled() for t in pending))
    done, pending = await asyncio.wait(pending)
    print("t =", loop.time(), "rest:", sorted(t.result() for t in done))

asyncio.run(main())
