# Turning a callback-style API into an awaitable: the callback completes a
# future that the coroutine awaits.
import asyncio

def fetch_with_callback(loop, key, on_done):
    # pretend I/O: answers after `len(key)` tenths of a second
    loop.call_later(len(key) / 10, on_done, key.upper())

async def fetch(key):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fetch_with_callback(loop, key, fut.set_result)
    return await fut

async def main():
    loop = asyncio.get_running_loop()
    for key in ["ab", "abcd", "a"]:
        value = await fetch(key)
        print("t =", round(loop.time(), 2), key, "->", value)
    both = await asyncio.gather(fetch("xyz"), fetch("q"))
    print("t =", round(loop.time(), 2), "gathered", both)

asyncio.run(main())
