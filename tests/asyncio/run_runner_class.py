# asyncio.Runner (3.11) runs several coroutines on the same loop.
import asyncio

async def remember(store, x):
    store.append((x, asyncio.get_running_loop().time()))
    await asyncio.sleep(1)
    return len(store)

store = []
with asyncio.Runner() as runner:
    print(runner.run(remember(store, "a")))
    print(runner.run(remember(store, "b")))
    loop = runner.get_loop()
    print("same loop both runs, time now:", loop.time())
print(store)
print("loop closed after the with block:", loop.is_closed())
