# run_until_complete() wraps a coroutine in a Task, runs the loop until that
# task is done, and returns its result (or raises its exception).
import asyncio

async def add(a, b):
    await asyncio.sleep(0.5)
    return a + b

async def fail():
    await asyncio.sleep(0)
    raise ValueError("no luck")

loop = asyncio.new_event_loop()
print("result:", loop.run_until_complete(add(2, 3)))
print("time now:", loop.time())
try:
    loop.run_until_complete(fail())
except ValueError as e:
    print("raised out of run_until_complete:", repr(e))
print("a plain future works too:")
fut = loop.create_future()
loop.call_later(1, fut.set_result, "from a timer")
print(loop.run_until_complete(fut), "at", loop.time())
loop.close()
