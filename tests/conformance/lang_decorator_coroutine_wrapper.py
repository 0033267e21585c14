import asyncio
import functools
def logged(coro_func):
    @functools.wraps(coro_func)
    async def wrapper(*args, **kwargs):
        print("before", coro_func.__name__, args)
        result = await coro_func(*args, **kwargs)
        print("after", coro_func.__name__, "->", result)
        return result
    return wrapper
@logged
async def fetch(item, delay=0):
    print("fetching", item)
    await asyncio.sleep(delay)
    return item.upper()
@logged
async def pipeline():
    a = await fetch("a")
    b = await fetch("b")
    return a + b
print(fetch.__name__, asyncio.iscoroutinefunction(fetch))
c = pipeline()
sends = 0
while True:
    try:
        c.send(None)
        sends += 1
    except StopIteration as e:
        print("pipeline returned", e.value, "after", sends, "suspensions")
        break
