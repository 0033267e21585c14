# The pre-3.7 style still found in many docs and answers: get a loop,
# run_until_complete(gather(...)), close it. Still works in 3.11.
import asyncio

async def compute(x, y):
    print("Compute %s + %s ..." % (x, y))
    await asyncio.sleep(1.0)
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print("%s + %s = %s" % (x, y, result))

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(asyncio.gather(print_sum(1, 2), print_sum(3, 4)))
print("t =", loop.time())
loop.close()
