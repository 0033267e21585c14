# Cancelling a task that awaits a plain future cancels that future too, so
# every other waiter of the future is cancelled as well.
import asyncio

async def waiter(name, fut):
    try:
        await fut
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    fut = asyncio.get_running_loop().create_future()
    a = asyncio.create_task(waiter("a", fut))
    b = asyncio.create_task(waiter("b", fut))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.gather(a, b)
    print("the shared future is cancelled:", fut.cancelled())

asyncio.run(main())
