import asyncio
from collections import deque
async def worker(name, n):
    for i in range(n):
        print(f"{name}: {i}")
        await asyncio.sleep(0)
    return f"{name} done"
ready = deque([worker("a", 2), worker("b", 3), worker("c", 1)])
results = []
rounds = 0
while ready:
    coro = ready.popleft()
    try:
        coro.send(None)
        ready.append(coro)
    except StopIteration as e:
        results.append(e.value)
    rounds += 1
print(results)
print("rounds:", rounds)
