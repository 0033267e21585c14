# A simulated web crawler: fetch pages with at most 3 requests in flight,
# printing when each request starts and ends on the virtual clock.
import asyncio

PAGES = {"/": 0.5, "/about": 0.2, "/blog": 1.0, "/blog/1": 0.3, "/blog/2": 0.4, "/contact": 0.1}

async def fetch(sem, url):
    loop = asyncio.get_running_loop()
    async with sem:
        start = loop.time()
        await asyncio.sleep(PAGES[url])
        print("%-9s %.1f -> %.1f" % (url, start, loop.time()))
        return len(url)

async def main():
    sem = asyncio.Semaphore(3)
    sizes = await asyncio.gather(*(fetch(sem, u) for u in PAGES))
    print("fetched", len(sizes), "pages, total size", sum(sizes),
          "in %.1f s" % asyncio.get_running_loop().time())

asyncio.run(main())
