# A background task failed and nobody awaited it: when asyncio.run()'s loop
# is cleaned up the error is reported on stderr, but main's result stands.
import asyncio

async def doomed():
    await asyncio.sleep(0.5)
    raise ZeroDivisionError("background bug")

async def main():
    asyncio.create_task(doomed())
    await asyncio.sleep(1)
    print("main returns normally")
    return 0

print("result:", asyncio.run(main()))
print("end of program")
