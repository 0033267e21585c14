# Download manager with progress: each download reports chunks; a monitor
# task prints the overall progress every second.
import asyncio

async def download(name, chunks, progress):
    for _ in range(chunks):
        await asyncio.sleep(0.4)
        progress[name] += 1

async def monitor(progress, totals, done):
    while not done.is_set():
        await asyncio.sleep(1)
        got = sum(progress.values())
        print("t = %.0f: %d/%d chunks %s" % (asyncio.get_running_loop().time(), got,
              sum(totals.values()), sorted(progress.items())))

async def main():
    totals = {"a": 5, "b": 3, "c": 8}
    progress = {k: 0 for k in totals}
    done = asyncio.Event()
    mon = asyncio.create_task(monitor(progress, totals, done))
    await asyncio.gather(*(download(n, c, progress) for n, c in totals.items()))
    done.set()
    await mon
    print("all downloads complete at t = %.1f" % asyncio.get_running_loop().time())

asyncio.run(main())
