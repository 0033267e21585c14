# async with inside a plain function.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
import asyncio

def main():
    lock = asyncio.Lock()
    async with lock:
        print("locked")

main()
