# Old generator-based style mixed into async def: `yield from` inside an
# async function is a SyntaxError.
import asyncio

print("never printed")

async def mixed():
    yield from asyncio.sleep(1)

asyncio.run(mixed())
