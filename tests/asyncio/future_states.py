# A Future moves one way: pending -> finished (result or exception) or
# pending -> cancelled. done() and cancelled() report the state.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    a, b, c = loop.create_future(), loop.create_future(), loop.create_future()
    for name, f in [("a", a), ("b", b), ("c", c)]:
        print(name, repr(f), "done:", f.done(), "cancelled:", f.cancelled())
    a.set_result(42)
    b.set_exception(KeyError("k"))
    c.cancel()
    print("--- after set_result / set_exception / cancel")
    for name, f in [("a", a), ("b", b), ("c", c)]:
        print(name, repr(f), "done:", f.done(), "cancelled:", f.cancelled())
    print("a.result():", a.result(), "| b.exception():", repr(b.exception()))

asyncio.run(main())
