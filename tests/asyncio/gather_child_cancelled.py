# If one child is cancelled by someone else, gather (without
# return_exceptions) raises CancelledError in the awaiting task, even though
# that task was never cancelled.
import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return d

async def main():
    a = asyncio.create_task(nap(1))
    b = asyncio.create_task(nap(2))
    asyncio.get_running_loop().call_later(0.5, b.cancel)
    try:
        await asyncio.gather(a, b)
    except asyncio.CancelledError:
        me = asyncio.current_task()
        print("main got CancelledError; main.cancelling() =", me.cancelling())
    print("a still finishes:", await a)

asyncio.run(main())
