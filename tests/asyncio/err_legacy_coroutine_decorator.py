# @asyncio.coroutine (generator-based coroutines) was removed in 3.11:
# AttributeError when the decorator is looked up.
import asyncio

print("defining a function with @asyncio.coroutine ...")

@asyncio.coroutine
def old_style():
    yield from asyncio.sleep(1)
    return "old"

print("never printed")
