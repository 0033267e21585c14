# Waiting for "whichever comes first": an event or a timer, with
# asyncio.wait(FIRST_COMPLETED) over two tasks.
import asyncio

async def main():
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(2, ev.set)
    for limit in (1, 3):
        ev.clear()
        waiter = asyncio.create_task(ev.wait())
        timer = asyncio.create_task(asyncio.sleep(limit))
        done, pending = await asyncio.wait([waiter, timer], return_when=asyncio.FIRST_COMPLETED)
        winner = "event" if waiter in done else "timer"
        print("limit", limit, "-> winner:", winner, "at", asyncio.get_running_loop().time())
        for p in pending:
            p.cancel()
        await asyncio.wait(pending)

asyncio.run(main())
