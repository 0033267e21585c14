# await at module level (only allowed in the asyncio REPL).
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
import asyncio

async def job():
    return 1

print("start")
result = await job()
print(result)
