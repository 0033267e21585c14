# Deadlines are plain float sums: ten sleeps of 0.1 s end at
# 0.9999999999999999, not 1.0. Round when printing.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print("raw:", loop.time())
    print("rounded:", round(loop.time(), 3))
    print("formatted: %.2f" % loop.time())
    await asyncio.sleep(0.25)
    await asyncio.sleep(0.25)
    print("after two more sleeps of 0.25:", loop.time())

asyncio.run(main())
