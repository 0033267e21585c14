async def leaf(n):
    print("  leaf", n)
    return n + 1
async def middle(n):
    print(" middle before")
    a = await leaf(n)
    b = await leaf(a)
    print(" middle after", a, b)
    return a + b
async def top():
    print("top start")
    r = await middle(10)
    print("top got", r)
    return r * 100
coro = top()
print("created; nothing printed yet")
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
