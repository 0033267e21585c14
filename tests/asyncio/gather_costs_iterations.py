# Awaiting gather() resumes two iterations after its last child finished
# (child done -> gather callback sets the outer future -> awaiter wakes).
import asyncio

async def ticker():
    for i in range(5):
        print("  tick", i)
        await asyncio.sleep(0)

async def child():
    print("child done")
    return 1

async def main():
    asyncio.create_task(ticker())
    await asyncio.gather(child())
    print("main resumed after gather")

asyncio.run(main())
