# Wrapping shared state in a class with an internal lock and async methods.
import asyncio

class Inventory:
    def __init__(self):
        self.items = {}
        self._lock = asyncio.Lock()

    async def add(self, name, qty):
        async with self._lock:
            current = self.items.get(name, 0)
            await asyncio.sleep(0.01)
            self.items[name] = current + qty

async def main():
    inv = Inventory()
    jobs = [inv.add("apple", 1) for _ in range(10)] + [inv.add("pear", 2) for _ in range(5)]
    await asyncio.gather(*jobs)
    print(sorted(inv.items.items()))
    print("t = %.2f (15 locked updates of 10 ms each)" % asyncio.get_running_loop().time())

asyncio.run(main())
