# A leftover task that swallows the shutdown cancellation keeps
# asyncio.run() waiting until it really finishes.
import asyncio

async def stubborn():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("stubborn: cancelled at", loop.time(), "- finishing my work first")
        await asyncio.sleep(2)
        print("stubborn: done at", loop.time())

async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print("main returns at", asyncio.get_running_loop().time())

asyncio.run(main())
print("asyncio.run returned")
