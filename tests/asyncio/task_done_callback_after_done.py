# A callback added to a finished task is scheduled immediately and runs in
# the next iteration, not synchronously.
import asyncio

async def quick():
    return "quick"

async def main():
    t = asyncio.create_task(quick())
    await t
    print("task is done:", t.done())
    t.add_done_callback(lambda task: print("late callback sees", task.result()))
    print("callback not yet run")
    await asyncio.sleep(0)
    print("after one iteration")

asyncio.run(main())
