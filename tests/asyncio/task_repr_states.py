# Task reprs start with the state and the name (the coro=... part, which
# shows a file path, is cut off here).
import asyncio

def short(t):
    return repr(t).split(" coro=")[0] + ">"

async def sleeper(d):
    await asyncio.sleep(d)
    return d

async def failer():
    raise ValueError("bad")

async def main():
    a = asyncio.create_task(sleeper(1))
    b = asyncio.create_task(failer())
    c = asyncio.create_task(sleeper(5))
    print(short(a), short(b), short(c), sep="\n")
    await asyncio.sleep(0)
    c.cancel()
    print(short(c))
    await asyncio.sleep(2)
    print(short(a), short(b), short(c), sep="\n")
    b.exception()

asyncio.run(main())
