# The classic "chain coroutines" example from the old docs: print_sum
# awaits compute, which sleeps. Sequence of calls on one task.
import asyncio

async def compute(x, y):
    print("Compute %s + %s ..." % (x, y))
    await asyncio.sleep(1.0)
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print("%s + %s = %s" % (x, y, result))

async def main():
    await print_sum(1, 2)
    await print_sum(10, 20)
    print("finished at t =", asyncio.get_running_loop().time())

asyncio.run(main())
