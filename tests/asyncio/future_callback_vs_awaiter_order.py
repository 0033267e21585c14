# A task awaiting a future is itself just a done callback. Callbacks added
# before the task started waiting run before it resumes.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 (added before await)"))
    loop.call_later(1, fut.set_result, "x")

    async def late_adder():
        await asyncio.sleep(0)
        fut.add_done_callback(lambda f: print("callback 2 (added after main awaited)"))

    asyncio.create_task(late_adder())
    print("main awaits")
    await fut
    print("main resumed")
    await asyncio.sleep(0)

asyncio.run(main())
