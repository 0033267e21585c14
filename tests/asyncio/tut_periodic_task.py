# A periodic background task with asyncio.sleep in a loop, stopped by
# cancellation from main.
import asyncio

async def every(interval, action):
    while True:
        action()
        await asyncio.sleep(interval)

async def main():
    loop = asyncio.get_running_loop()
    counter = {"n": 0}

    def report():
        counter["n"] += 1
        print("report #%d at t = %.2f" % (counter["n"], loop.time()))

    job = asyncio.create_task(every(0.75, report))
    await asyncio.sleep(3)
    job.cancel()
    await asyncio.gather(job, return_exceptions=True)
    print("stopped after", counter["n"], "reports")

asyncio.run(main())
