# A periodic job with call_later: the callback reschedules itself and keeps
# the handle so it can be cancelled.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    state = {"n": 0, "handle": None}

    def tick():
        state["n"] += 1
        print("tick", state["n"], "at t =", loop.time())
        state["handle"] = loop.call_later(0.25, tick)

    state["handle"] = loop.call_later(0.25, tick)
    await asyncio.sleep(1.1)
    state["handle"].cancel()
    print("cancelled the next tick at t =", loop.time())
    await asyncio.sleep(1)
    print("no more ticks; total", state["n"])

asyncio.run(main())
