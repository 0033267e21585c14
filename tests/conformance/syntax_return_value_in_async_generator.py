# return with a value inside an async generator.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
async def agen():
    yield 1
    return 2

print("defined")
