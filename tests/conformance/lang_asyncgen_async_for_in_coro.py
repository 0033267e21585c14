import asyncio
async def countdown(n):
    while n > 0:
        await asyncio.sleep(0)
        yield n
        n -= 1
    print("countdown finished")
async def main():
    seen = []
    async for v in countdown(3):
        print("tick", v)
        seen.append(v)
    squares = []
    async for v in countdown(2):
        squares.append(v * v)
    return seen, squares
c = main()
count = 0
try:
    while True:
        c.send(None)
        count += 1
except StopIteration as e:
    print("result", e.value, "suspensions", count)
