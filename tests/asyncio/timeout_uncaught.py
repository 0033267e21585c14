# A TimeoutError nobody catches ends the program with a traceback whose last
# line is just "TimeoutError" (status 1).
import asyncio

async def forever():
    await asyncio.sleep(3600)

async def main():
    print("waiting at most 2 seconds")
    await asyncio.wait_for(forever(), timeout=2)
    print("never printed")

asyncio.run(main())
