# asyncio.Lock must be used with `async with`; a plain `with` fails.
import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("async with works")
    try:
        with lock:
            print("never printed")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
    print("lock still free:", not lock.locked())

asyncio.run(main())
