import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        print("__aiter__ called")
        return self
    async def __anext__(self):
        if self.i >= self.n:
            print("raising StopAsyncIteration")
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i * 10
async def consume():
    total = 0
    async for value in Ticker(3):
        print("got", value)
        total += value
    else:
        print("async for else clause")
    return total
c = consume()
suspensions = 0
while True:
    try:
        c.send(None)
        suspensions += 1
    except StopIteration as e:
        print("total", e.value, "suspensions", suspensions)
        break
async def not_async_iterable():
    async for x in [1, 2]:
        pass
try:
    not_async_iterable().send(None)
except TypeError as e:
    print("TypeError:", e)
