# Passing the same task twice to gather() runs it once; both slots get its
# result.
import asyncio

async def once():
    print("running once")
    await asyncio.sleep(0)
    return "R"

async def main():
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t, t))

asyncio.run(main())
