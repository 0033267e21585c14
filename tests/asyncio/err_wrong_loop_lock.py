# A Lock used on one loop cannot be used again from another loop.
import asyncio

lock = asyncio.Lock()

async def hold_and_wait():
    async with lock:
        await asyncio.sleep(0)

async def use():
    await asyncio.gather(hold_and_wait(), hold_and_wait())
    return "used"

print("first run:", asyncio.run(use()))
try:
    asyncio.run(use())
except RuntimeError as e:
    print("second run: RuntimeError, bound to a different loop:", "different event loop" in str(e))
