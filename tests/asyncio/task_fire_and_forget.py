# A task runs even if nobody awaits it, as long as the loop keeps running.
import asyncio

async def background(n):
    for i in range(n):
        print("  background", i)
        await asyncio.sleep(0.1)

async def main():
    asyncio.create_task(background(3))
    print("main created the task and keeps going")
    await asyncio.sleep(0.05)
    print("main at 0.05")
    await asyncio.sleep(0.5)
    print("main at 0.55: background finished long ago")

asyncio.run(main())
