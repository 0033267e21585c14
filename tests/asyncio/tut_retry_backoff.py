# Retry with exponential backoff: wait 0.1, 0.2, 0.4 ... seconds between
# attempts of an operation that fails a few times before it succeeds.
import asyncio

failures_left = {"n": 3}

async def unreliable():
    await asyncio.sleep(0.05)
    if failures_left["n"] > 0:
        failures_left["n"] -= 1
        raise ConnectionError("server busy")
    return "payload"

async def retry(op, attempts=5, base=0.1):
    loop = asyncio.get_running_loop()
    for attempt in range(attempts):
        try:
            return await op()
        except ConnectionError as e:
            delay = base * 2 ** attempt
            print("t=%.2f attempt %d failed (%s); retrying in %.1f s" % (loop.time(), attempt, e, delay))
            await asyncio.sleep(delay)
    raise RuntimeError("giving up")

async def main():
    result = await retry(unreliable)
    print("t=%.2f got %s" % (asyncio.get_running_loop().time(), result))

asyncio.run(main())
