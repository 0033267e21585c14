# loop.create_future() and loop.create_task() are the loop-level factories.
# loop.create_task(name=...) does not consume a Task-N number.
import asyncio

async def job():
    await asyncio.sleep(0.1)
    return "job result"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut), "| loop matches:", fut.get_loop() is loop)
    t1 = loop.create_task(job())
    t2 = loop.create_task(job(), name="named-job")
    t3 = loop.create_task(job())
    print(t1.get_name(), t2.get_name(), t3.get_name())
    loop.call_later(0.2, fut.set_result, "future result")
    print(await t1, "|", await fut, "|", repr(fut))

asyncio.run(main())
