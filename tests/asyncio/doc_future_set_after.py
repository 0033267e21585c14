# From the docs (loop.create_future): a low-level Future completed by
# another task after a delay.
import asyncio

async def set_after(fut, delay, value):
    # Sleep for *delay* seconds.
    await asyncio.sleep(delay)
    # Set *value* as a result of *fut* Future.
    fut.set_result(value)

async def main():
    # Get the current event loop.
    loop = asyncio.get_running_loop()
    # Create a new Future object.
    fut = loop.create_future()
    # Run "set_after()" coroutine in a parallel Task.
    loop.create_task(set_after(fut, 1, '... world'))
    print('hello ...')
    # Wait until *fut* has a result (1 second) and print it.
    print(await fut)

asyncio.run(main())
