# The loop= argument of asyncio.sleep() was removed in Python 3.10:
# TypeError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("sleep without loop= works:", await asyncio.sleep(0.1, "ok"))
    print("now with loop=...")
    await asyncio.sleep(1, loop=loop)
    print("never printed")

asyncio.run(main())
