# A missing colon after a def header.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
import asyncio

async def main()
    print("hello")
    await asyncio.sleep(1)

print("never")
asyncio.run(main())
