# A task that cancels itself and then returns ends cancelled: the return
# value is lost.
import asyncio

async def quitter():
    asyncio.current_task().cancel()
    print("quitter continues until its next await/return")
    return "lost value"

async def main():
    t = asyncio.create_task(quitter())
    await asyncio.sleep(0)
    print("cancelled():", t.cancelled())

asyncio.run(main())
