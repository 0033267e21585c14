# async for inside a plain function.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
async def agen():
    yield 1

def main():
    async for x in agen():
        print(x)

main()
