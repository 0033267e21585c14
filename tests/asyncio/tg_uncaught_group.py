# An ExceptionGroup nobody catches is printed as a tree on stderr; the last
# line of stderr is the closing border of that tree. Status 1.
import asyncio

async def bad(n):
    await asyncio.sleep(n)
    raise ValueError("child %d failed" % n)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(1))
    print("never printed")

asyncio.run(main())
