# A timer due at t = 1 cannot fire while a callback blocks the loop with
# time.sleep(3): it fires late, at t = 3.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, lambda: print("1 s timer fired at t =", loop.time()))
    await asyncio.sleep(0.5)
    print("t =", loop.time(), "blocking for 3 s")
    time.sleep(3)
    print("t =", loop.time(), "unblocked")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main done at t =", loop.time())

asyncio.run(main())
