# A CancelledError that escapes main ends the program; the traceback's last
# line names asyncio.exceptions.CancelledError.
import asyncio

async def victim():
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    print("awaiting a cancelled task without try/except")
    await t
    print("never printed")

asyncio.run(main())
