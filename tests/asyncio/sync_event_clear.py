# clear() resets the event so that later wait() calls block again.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    for round_ in range(3):
        loop.call_later(1, ev.set)
        await ev.wait()
        print("round", round_, "event seen at t =", loop.time())
        ev.clear()
        print("  cleared, is_set =", ev.is_set())

asyncio.run(main())
