# loop.time() reads the virtual clock (it starts at 0). TimerHandle.when()
# is the absolute deadline; the repr shows it too.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("start:", loop.time())
    h = loop.call_later(2.5, print, "tick")
    print("when():", h.when())
    print(repr(h))
    await asyncio.sleep(1)
    print("after sleep(1):", loop.time())
    await asyncio.sleep(2)
    print("after sleep(2):", loop.time())
    print("handle after firing:", repr(h))

asyncio.run(main())
