# An async iterator written as a class with __aiter__ and __anext__;
# StopAsyncIteration ends the `async for`.
import asyncio

class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        self.current -= 1
        return self.current + 1

async def main():
    async for n in Countdown(3):
        print(n, "... at t =", asyncio.get_running_loop().time())
    print("liftoff!")

asyncio.run(main())
