# Deduplicating concurrent requests: the first caller starts the fetch; the
# others await the same task instead of fetching again.
import asyncio

cache = {}
fetch_count = {"n": 0}

async def really_fetch(key):
    fetch_count["n"] += 1
    await asyncio.sleep(1)
    return key * 2

async def get(key):
    if key not in cache:
        cache[key] = asyncio.create_task(really_fetch(key))
    return await cache[key]

async def main():
    results = await asyncio.gather(get("a"), get("b"), get("a"), get("a"), get("b"))
    print(results)
    print("real fetches:", fetch_count["n"], "at t =", asyncio.get_running_loop().time())
    print("cached afterwards:", await get("a"), "| fetches still", fetch_count["n"])

asyncio.run(main())
