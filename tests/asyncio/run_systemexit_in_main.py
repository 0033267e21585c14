# sys.exit() inside main propagates out of asyncio.run() after shutdown:
# the exit status is the code passed to sys.exit().
import asyncio
import sys

async def helper():
    try:
        await asyncio.sleep(10)
    finally:
        print("helper cleaned up during shutdown")

async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(1)
    print("main calls sys.exit(4)")
    sys.exit(4)

asyncio.run(main())
