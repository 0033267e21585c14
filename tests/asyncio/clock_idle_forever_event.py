# A classic mistake: the task that would set the event is never started.
# After the last timer fires the loop is idle with nothing scheduled.
import asyncio

async def setter(ev):
    await asyncio.sleep(1)
    ev.set()

async def main():
    ev = asyncio.Event()
    setter(ev)               # forgot create_task(): this only makes a coroutine
    await asyncio.sleep(2)
    print("t =", asyncio.get_running_loop().time(), "- waiting for the event...")
    await ev.wait()
    print("never printed")

asyncio.run(main())
