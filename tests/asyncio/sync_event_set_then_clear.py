# set() immediately followed by clear() still wakes the waiters that were
# already waiting; they see is_set() == False when they run.
import asyncio

async def waiter(ev, name):
    await ev.wait()
    print(name, "woke; is_set =", ev.is_set())

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("setter cleared the event right away")
    await asyncio.gather(*tasks)

asyncio.run(main())
