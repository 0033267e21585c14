# A class-based async context manager: __aenter__ and __aexit__ can await,
# e.g. to open and close a (simulated) connection.
import asyncio

class Connection:
    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("connected to", self.host, "at", asyncio.get_running_loop().time())
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("closed", self.host, "| exception:", exc_type.__name__ if exc_type else None)
        return False

    async def query(self, q):
        await asyncio.sleep(0.3)
        return q.upper()

async def main():
    async with Connection("db.local") as conn:
        print("query result:", await conn.query("select 1"))
    try:
        async with Connection("cache.local") as conn:
            raise KeyError("missing key")
    except KeyError:
        print("KeyError still propagated after __aexit__")

asyncio.run(main())
