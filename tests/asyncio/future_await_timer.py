# A task awaiting a future sleeps until something completes it; here a
# call_later timer does, at t = 2.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(2, fut.set_result, "delivered")
    print("t =", loop.time(), "waiting:", repr(fut))
    value = await fut
    print("t =", loop.time(), "got", value)
    print(repr(fut))

asyncio.run(main())
