# A gather future that fails while nobody awaits it logs
# "_GatheringFuture exception was never retrieved" when it is freed.
import asyncio

async def boom():
    await asyncio.sleep(0)
    raise KeyError("lost")

async def main():
    g = asyncio.gather(boom())
    await asyncio.sleep(0.1)
    print("gather done:", g.done())
    g = None
    print("dropped the gather future")

asyncio.run(main())
