# Cancelling a future that several tasks await: each gets CancelledError
# carrying the message.
import asyncio

async def waiter(name, fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print(name, "got", repr(e))
        return name + " handled it"

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ("a", "b")]
    await asyncio.sleep(0)
    fut.cancel("no more")
    print(await asyncio.gather(*tasks))
    print("future cancelled:", fut.cancelled())

asyncio.run(main())
