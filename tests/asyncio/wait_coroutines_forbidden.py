# In Python 3.11 asyncio.wait() refuses bare coroutines with a TypeError
# ("use tasks explicitly"); the coroutine is then never awaited, which is
# reported as a RuntimeWarning on stderr.
import asyncio

async def job():
    return "job"

async def main():
    try:
        await asyncio.wait([job()])
    except TypeError as e:
        print("TypeError:", e)
    task = asyncio.create_task(job())
    done, pending = await asyncio.wait([task])
    print("with a task:", [t.result() for t in done], len(pending))

asyncio.run(main())
