# The timeout context manager reports expired() and its deadline via when().
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1.5)
    try:
        async with cm:
            print("deadline:", cm.when(), "| expired:", cm.expired())
            await asyncio.sleep(3)
    except TimeoutError:
        pass
    print("after: expired =", cm.expired(), "| t =", loop.time())
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(1)
    print("timeout(None) never expires:", cm2.expired(), cm2.when())

asyncio.run(main())
