# wait_for(aw, None) means no timeout: it is just `await aw`.
import asyncio

async def long_job():
    await asyncio.sleep(100)
    return "after 100 s"

async def main():
    print(await asyncio.wait_for(long_job(), None))
    print("t =", asyncio.get_running_loop().time())

asyncio.run(main())
