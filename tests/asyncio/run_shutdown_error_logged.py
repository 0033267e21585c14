# A leftover task that raises a real error while being cancelled at shutdown
# is reported on stderr ("unhandled exception during asyncio.run()
# shutdown"), but asyncio.run() still returns normally.
import asyncio

async def messy():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("messy: cancelled, and failing in cleanup")
        raise OSError("cleanup error")

async def main():
    asyncio.create_task(messy())
    await asyncio.sleep(0)
    return "main ok"

print(asyncio.run(main()))
