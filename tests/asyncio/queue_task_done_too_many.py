# task_done() more times than items were put raises ValueError.
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait("x")
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join() on a fully processed queue returns at once")

asyncio.run(main())
