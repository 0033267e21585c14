import asyncio
class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("connecting", self.name)
        await asyncio.sleep(0)
        print("connected", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("disconnecting", self.name, exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0)
        print("disconnected", self.name)
        return exc_type is KeyError
async def session():
    async with Connection("db") as conn:
        print("using", conn.name)
    async with Connection("cache"):
        raise KeyError("suppressed by __aexit__")
    print("after suppressed error")
    return "session over"
def drive(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(drive(session()))
async def failing():
    async with Connection("api"):
        raise ValueError("not suppressed")
try:
    drive(failing())
except ValueError as e:
    print("ValueError escaped:", e)
