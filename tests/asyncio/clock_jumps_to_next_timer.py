# The virtual clock does not tick: when nothing is ready, it jumps straight
# to the next timer's deadline, however far away it is.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for delay in (0.001, 60, 3600, 86400 * 3):
        before = loop.time()
        await asyncio.sleep(delay)
        print("slept", delay, "s: from", before, "to", loop.time())

asyncio.run(main())
