# From the docs (asyncio.timeout, 3.11): limit a long-running task, then
# see that the block timed out.
import asyncio

async def long_running_task():
    await asyncio.sleep(3600)

async def main():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless, at t =", asyncio.get_running_loop().time())

asyncio.run(main())
