# A very common mistake: `await time.sleep(1)`. time.sleep blocks first
# (freezing the loop for 1 s), then returns None, and awaiting None fails.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print("t =", loop.time())
    await time.sleep(1)
    print("never printed")

asyncio.run(main())
