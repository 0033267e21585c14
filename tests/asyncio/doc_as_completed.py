# Adapted from the docs (asyncio.as_completed): process results as soon
# as each one is available.
import asyncio

async def fetch(i):
    await asyncio.sleep([3, 1, 2][i])
    return "result %d" % i

async def main():
    aws = [asyncio.create_task(fetch(i)) for i in range(3)]
    for coro in asyncio.as_completed(aws):
        earliest_result = await coro
        print("t =", asyncio.get_running_loop().time(), earliest_result)

asyncio.run(main())
