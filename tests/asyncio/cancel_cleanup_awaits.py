# A finally block can await (e.g. to close a connection politely); the
# cancellation completes when the cleanup does.
import asyncio

async def connection():
    loop = asyncio.get_running_loop()
    try:
        print("connected at", loop.time())
        await asyncio.sleep(60)
    finally:
        print("saying goodbye at", loop.time())
        await asyncio.sleep(0.5)
        print("closed at", loop.time())

async def main():
    t = asyncio.create_task(connection())
    await asyncio.sleep(2)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("task cancelled:", t.cancelled(), "at", asyncio.get_running_loop().time())

asyncio.run(main())
