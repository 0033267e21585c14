# A common pattern: finish critical work even when cancelled, then re-raise.
import asyncio

async def commit():
    await asyncio.sleep(1)
    print("commit done at", asyncio.get_running_loop().time())

async def transaction():
    work = asyncio.create_task(commit())
    try:
        await asyncio.shield(work)
    except asyncio.CancelledError:
        print("cancelled during commit; waiting for it to finish")
        await work
        raise

async def main():
    t = asyncio.create_task(transaction())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("transaction cancelled:", t.cancelled(), "at", asyncio.get_running_loop().time())

asyncio.run(main())
