# A timer that tries to complete a future someone already cancelled raises
# InvalidStateError inside the callback: it is logged, the loop goes on.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "too late")
    fut.cancel()
    print("cancelled the future; the timer will still fire")
    await asyncio.sleep(2)
    print("t =", loop.time(), "main still alive, fut:", repr(fut))

asyncio.run(main())
