# call_soon() returns a Handle; cancelling it before the loop reaches it
# means the callback never runs. Handle reprs show the callback.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, "one")
    h2 = loop.call_soon(print, "two")
    h3 = loop.call_soon(print, "three")
    print(repr(h2))
    h2.cancel()
    print(repr(h2), "| cancelled():", h2.cancelled())
    await asyncio.sleep(0)
    print("h1 cancelled?", h1.cancelled(), "| h3 cancelled?", h3.cancelled())

asyncio.run(main())
