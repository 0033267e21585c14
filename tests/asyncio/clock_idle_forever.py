# main awaits a future that nothing will ever complete, and no timer is
# pending: the loop would block forever. (loopscope and its oracle stop here
# with "loop idle forever" on stderr and exit status 3.)
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    print("waiting for a future nobody will complete...")
    await fut
    print("never printed")

asyncio.run(main())
