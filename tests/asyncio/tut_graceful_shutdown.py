# Graceful shutdown: workers check a stop Event between jobs, finish the
# current job, and exit when main sets it.
import asyncio

async def worker(name, stop, durations):
    loop = asyncio.get_running_loop()
    done = 0
    for d in durations:
        if stop.is_set():
            break
        await asyncio.sleep(d)
        done += 1
    print(name, "exits at t =", loop.time(), "after", done, "jobs")
    return done

async def main():
    stop = asyncio.Event()
    tasks = [asyncio.create_task(worker("fast", stop, [0.4] * 10)),
             asyncio.create_task(worker("slow", stop, [1.5] * 10))]
    await asyncio.sleep(2)
    print("main: requesting shutdown at t = 2.0")
    stop.set()
    print("jobs done:", await asyncio.gather(*tasks))

asyncio.run(main())
