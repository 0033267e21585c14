# From the docs (asyncio.wait_for): waiting for "eternity" with a 1 second
# timeout.
import asyncio

async def eternity():
    # Sleep for one hour
    await asyncio.sleep(3600)
    print('yay!')

async def main():
    # Wait for at most 1 second
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print('timeout!')
    print("t =", asyncio.get_running_loop().time())

asyncio.run(main())
