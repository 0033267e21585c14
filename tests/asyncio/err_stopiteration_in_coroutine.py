# Raising StopIteration inside a coroutine is turned into RuntimeError
# (PEP 479), so it cannot be mistaken for a normal return.
import asyncio

async def bad():
    await asyncio.sleep(0)
    raise StopIteration("oops")

async def main():
    try:
        await bad()
    except RuntimeError as e:
        print("RuntimeError:", e)
        print("cause:", repr(e.__cause__))
    t = asyncio.create_task(bad())
    try:
        await t
    except RuntimeError as e:
        print("from a task too:", e)

asyncio.run(main())
