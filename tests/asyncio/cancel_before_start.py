# A task cancelled before its first step never runs any of its body.
import asyncio

async def job():
    try:
        print("job body")
    finally:
        print("job finally")

async def main():
    t = asyncio.create_task(job())
    t.cancel()
    print("cancelled before it started; cancelled() =", t.cancelled())
    await asyncio.sleep(0)
    print("one iteration later: cancelled() =", t.cancelled())

asyncio.run(main())
