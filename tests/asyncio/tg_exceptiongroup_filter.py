# A TaskGroup raises one ExceptionGroup holding every child failure, in the
# order the children failed. Here the group is split by type by hand
# (Python 3.11 also offers `except*` for this).
import asyncio

async def raise_after(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_after(1, KeyError("k")))
            tg.create_task(raise_after(1, ValueError("v")))
            tg.create_task(raise_after(1, KeyError("k2")))
    except ExceptionGroup as eg:
        print("message:", eg.message, "| count:", len(eg.exceptions))
        keys = [repr(e) for e in eg.exceptions if isinstance(e, KeyError)]
        values = [repr(e) for e in eg.exceptions if isinstance(e, ValueError)]
        print("KeyErrors:", keys)
        print("ValueErrors:", values)
        print("ExceptionGroup is an Exception:", isinstance(eg, Exception))

asyncio.run(main())
