# await inside a plain (non-async) function.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
import asyncio

def main():
    print("start")
    await asyncio.sleep(1)
    print("end")

main()
