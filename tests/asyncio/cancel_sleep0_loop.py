# A busy task that yields with sleep(0) is cancelled at its next sleep(0).
import asyncio

async def spinner():
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(0)
    finally:
        print("spinner stopped after", n, "turns")

async def main():
    t = asyncio.create_task(spinner())
    for _ in range(5):
        await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)

asyncio.run(main())
