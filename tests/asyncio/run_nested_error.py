# asyncio.run() cannot be called while a loop is running. The inner
# coroutine object is never awaited, so a RuntimeWarning goes to stderr.
import asyncio

async def inner():
    return "inner"

async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("the right way:", await inner())

asyncio.run(main())
