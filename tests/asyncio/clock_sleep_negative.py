# sleep() with zero or negative delay just yields once; no timer is created
# and the clock does not move.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(-3)
    print("after sleep(-3): t =", loop.time())
    await asyncio.sleep(0.0)
    print("after sleep(0.0): t =", loop.time())
    print("sleep(-1, 'x') returns", await asyncio.sleep(-1, "x"))

asyncio.run(main())
