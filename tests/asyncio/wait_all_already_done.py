# Even when every task is already done, await wait() still suspends the
# caller for two iterations (waiter future + wakeup).
import asyncio

async def ticker():
    for i in range(4):
        print("  tick", i)
        await asyncio.sleep(0)

async def quick():
    return "q"

async def main():
    t = asyncio.create_task(quick())
    await t
    asyncio.create_task(ticker())
    print("t done before wait:", t.done())
    done, pending = await asyncio.wait([t])
    print("wait returned", len(done), len(pending))

asyncio.run(main())
