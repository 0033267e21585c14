# `async with` in a regular function is a SyntaxError too.
import asyncio

lock = asyncio.Lock()

def regular():
    async with lock:
        print("never printed")

print("never printed either")
regular()
