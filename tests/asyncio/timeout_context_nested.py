# Nested timeouts: the inner one expires first and is caught inside; the
# outer one still limits the rest.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(3):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(2)
            except TimeoutError:
                print("inner timeout at", loop.time())
            await asyncio.sleep(5)
    except TimeoutError:
        print("outer timeout at", loop.time())

asyncio.run(main())
