# An exception raised in a task is stored and re-raised in whoever awaits
# the task, as the same object.
import asyncio

async def divide(a, b):
    await asyncio.sleep(0)
    return a / b

async def main():
    t = asyncio.create_task(divide(1, 0))
    try:
        await t
    except ZeroDivisionError as e:
        print("caught:", repr(e))
        print("same object as t.exception():", e is t.exception())
    t2 = asyncio.create_task(divide(9, 3))
    print("fine:", await t2)

asyncio.run(main())
