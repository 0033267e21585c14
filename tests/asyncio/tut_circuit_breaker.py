# A tiny circuit breaker: after 2 failures in a row calls are refused for a
# cool-down period, then tried again.
import asyncio

class Breaker:
    def __init__(self, limit, cooldown):
        self.limit, self.cooldown = limit, cooldown
        self.failures, self.open_until = 0, 0.0

    async def call(self, op):
        now = asyncio.get_running_loop().time()
        if now < self.open_until:
            return "refused (open until %.1f)" % self.open_until
        try:
            result = await op()
        except OSError as e:
            self.failures += 1
            if self.failures >= self.limit:
                self.open_until = now + self.cooldown
            return "failed: %s" % e
        self.failures = 0
        return result

outcomes = iter([False, False, True, True, True])

async def flaky():
    await asyncio.sleep(0.1)
    if next(outcomes):
        return "ok"
    raise OSError("timeout")

async def main():
    br = Breaker(limit=2, cooldown=1.0)
    for _ in range(6):
        print("t = %.1f %s" % (asyncio.get_running_loop().time(), await br.call(flaky)))
        await asyncio.sleep(0.3)

asyncio.run(main())
