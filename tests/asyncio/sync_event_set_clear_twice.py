# Event.set() and clear() are idempotent; wait() can be bounded with
# wait_for. (An Event repr contains an address, so print is_set() only.)
import asyncio

async def main():
    ev = asyncio.Event()
    print("new event is_set:", ev.is_set())
    ev.set()
    ev.set()
    print("set twice is fine:", ev.is_set())
    ev.clear()
    ev.clear()
    print("cleared twice is fine:", ev.is_set())
    print("wait() with a timeout:")
    try:
        await asyncio.wait_for(ev.wait(), 1.5)
    except TimeoutError:
        print("  nobody set it; TimeoutError at", asyncio.get_running_loop().time())

asyncio.run(main())
