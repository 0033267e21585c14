# wait_for with a timeout wraps the coroutine in a task: even an instant
# coroutine costs three loop iterations.
import asyncio

async def ticker():
    for i in range(5):
        print("  tick", i)
        await asyncio.sleep(0)

async def instant():
    return "instant"

async def main():
    asyncio.create_task(ticker())
    print(await asyncio.wait_for(instant(), timeout=10))
    print(await asyncio.wait_for(instant(), timeout=None), "(no task: no iterations)")

asyncio.run(main())
