# call_at(when, ...) takes an absolute loop time, call_later(delay, ...) a
# relative one: call_later(d) is call_at(loop.time() + d).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(2)
    start = loop.time()
    print("now:", start)
    loop.call_at(3, print, "call_at(3) fires at t=3")
    loop.call_later(3, print, "call_later(3) fires at t=5")
    h = loop.call_at(4, print, "never printed")
    print(repr(h))
    h.cancel()
    await asyncio.sleep(3.5)
    print("done at", loop.time())

asyncio.run(main())
