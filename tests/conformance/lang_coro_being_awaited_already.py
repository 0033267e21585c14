import asyncio
async def inner():
    await asyncio.sleep(0)
    return "inner done"
async def first(c):
    return await c
async def second(c):
    return await c
shared = inner()
a = first(shared)
a.send(None)
b = second(shared)
try:
    b.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a.send(None)
except StopIteration as e:
    print("first finished with", e.value)
