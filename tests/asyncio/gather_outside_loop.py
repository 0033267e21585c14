# gather() called outside a running loop uses get_event_loop(); the
# returned future can then be run with run_until_complete().
import asyncio

async def square(x):
    await asyncio.sleep(x / 10)
    return x * x

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
g = asyncio.gather(square(1), square(2), square(3))
print("gather future created, pending:", not g.done())
print(loop.run_until_complete(g))
print("time:", loop.time())
loop.close()
