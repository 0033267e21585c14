# After the first failure, later failures of other gather children are
# marked as retrieved: no "exception was never retrieved" message.
import asyncio

async def fail(name, d):
    await asyncio.sleep(d)
    print(name, "raising")
    raise ValueError(name)

async def main():
    try:
        await asyncio.gather(fail("first", 1), fail("second", 2))
    except ValueError as e:
        print("caught", repr(e))
    await asyncio.sleep(3)
    print("second failed quietly; main ends")

asyncio.run(main())
