# A deadline already in the past expires at the first suspension point.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(2)
    try:
        async with asyncio.timeout_at(1):
            print("body starts (no suspension yet)")
            await asyncio.sleep(0)
            print("never printed")
    except TimeoutError:
        print("expired immediately, t =", loop.time())

asyncio.run(main())
