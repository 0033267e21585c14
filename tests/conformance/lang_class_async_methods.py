import asyncio
class Downloader:
    def __init__(self, name):
        self.name = name
        self.log = []
    async def fetch(self, url):
        self.log.append(url)
        await asyncio.sleep(0)
        return f"{self.name}:{url}"
    async def fetch_all(self, urls):
        results = []
        for u in urls:
            results.append(await self.fetch(u))
        return results
d = Downloader("dl")
c = d.fetch_all(["a", "b", "c"])
print(type(c).__name__, c.__qualname__)
sends = 0
while True:
    try:
        c.send(None)
        sends += 1
    except StopIteration as e:
        print(e.value, sends, d.log)
        break
