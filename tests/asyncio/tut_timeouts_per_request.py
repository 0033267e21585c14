# Give each simulated HTTP request its own timeout, collect successes and
# failures separately.
import asyncio

LATENCY = {"api/users": 0.3, "api/slow": 5, "api/items": 0.8, "api/stuck": 60}

async def http_get(path):
    await asyncio.sleep(LATENCY[path])
    return "200 OK " + path

async def get_with_timeout(path, limit):
    try:
        return await asyncio.wait_for(http_get(path), limit)
    except TimeoutError:
        return "TIMEOUT " + path

async def main():
    results = await asyncio.gather(*(get_with_timeout(p, 1) for p in LATENCY))
    for r in results:
        print(r)
    print("finished at t =", asyncio.get_running_loop().time())

asyncio.run(main())
