# `await` needs an awaitable (coroutine, Task, Future...). Awaiting a plain
# value is a TypeError.
import asyncio

def not_async():
    return 5

async def main():
    for label, value in [("int", 5), ("None", None), ("list", [1]), ("function result", not_async())]:
        try:
            await value
        except TypeError as e:
            print(label, "->", e)
    try:
        await asyncio.sleep
    except TypeError as e:
        print("forgot the call ->", e)

asyncio.run(main())
