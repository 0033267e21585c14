# create_task() requires a coroutine; anything else is a TypeError.
import asyncio

def plain():
    return 1

async def coro_fn():
    return 2

async def main():
    for bad in (plain, coro_fn, 42):
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print("TypeError:", str(e).split(", got ")[0])
    try:
        asyncio.create_task(plain())
    except TypeError as e:
        print("TypeError:", e)
    print("a coroutine object works:", await asyncio.create_task(coro_fn()))

asyncio.run(main())
