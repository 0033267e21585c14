# A simple rate limiter: at most 2 requests per second, using a semaphore
# whose permits are given back one second after use.
import asyncio

class RateLimiter:
    def __init__(self, per_second):
        self.sem = asyncio.Semaphore(per_second)

    async def __aenter__(self):
        await self.sem.acquire()

    async def __aexit__(self, *exc):
        asyncio.get_running_loop().call_later(1, self.sem.release)

async def request(limiter, n):
    async with limiter:
        print("request %d sent at t=%.1f" % (n, asyncio.get_running_loop().time()))

async def main():
    limiter = RateLimiter(2)
    await asyncio.gather(*(request(limiter, n) for n in range(7)))
    await asyncio.sleep(1)

asyncio.run(main())
