async def agen():
    print("agen start")
    yield 1
    print("agen middle")
    yield 2
    print("agen end")
g = agen()
print(type(g).__name__)
def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("exhausted", None)
    return ("suspended", None)
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.__anext__()))
async def echo():
    received = None
    while True:
        received = yield f"echo {received}"
e = echo()
print(step(e.asend(None)))
print(step(e.asend("hello")))
print(step(e.asend("world")))
print(step(e.aclose()))
print(step(e.asend("after close")))
