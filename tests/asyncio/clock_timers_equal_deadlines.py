# Timers with exactly the same deadline fire in the order they were
# scheduled, whether they come from sleep(), call_later() or call_at().
# Here the order is: call_at, A's sleep timer, call_later, B's sleep timer.
# A sleeping task resumes one iteration AFTER its timer fires, so both
# plain callbacks print before the tasks do.
import asyncio

async def sleeper(name):
    await asyncio.sleep(1)
    print("task", name, "wakes")

async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(sleeper("A"))
    loop.call_at(1.0, print, "call_at(1.0) scheduled in main's first step")
    await asyncio.sleep(0)
    loop.call_later(1, print, "call_later(1) scheduled one iteration later (still t=0)")
    asyncio.create_task(sleeper("B"))
    await asyncio.sleep(2)

asyncio.run(main())
