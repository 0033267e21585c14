# Chaining async generators: numbers -> only even -> squared.
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def evens(source):
    async for x in source:
        if x % 2 == 0:
            yield x

async def squares(source):
    async for x in source:
        yield x * x

async def main():
    async for value in squares(evens(numbers(9))):
        print("t = %.1f -> %d" % (asyncio.get_running_loop().time(), value))

asyncio.run(main())
