# An exception escaping main is re-raised by asyncio.run() after shutdown,
# so it can be caught around the call.
import asyncio

async def main():
    await asyncio.sleep(0)
    raise ValueError("main failed")

try:
    asyncio.run(main())
except ValueError as e:
    print("caught around asyncio.run():", repr(e))
print("program continues")
asyncio.run(main())
print("never printed")
