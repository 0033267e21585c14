async def early():
    yield "first"
    return
async def main():
    out = []
    async for x in early():
        out.append(x)
    return out
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
async def raises():
    yield 1
    raise StopAsyncIteration("manual")
async def consume():
    out = []
    async for x in raises():
        out.append(x)
    return out
try:
    consume().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
