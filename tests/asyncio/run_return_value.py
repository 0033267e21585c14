# asyncio.run(coro) returns whatever the coroutine returns; each call uses a
# brand new loop, closed at the end.
import asyncio

loops = []

async def main(x):
    loops.append(asyncio.get_running_loop())
    await asyncio.sleep(0.1)
    return x * 2

print(asyncio.run(main(21)))
print(asyncio.run(main("ab")))
print("two different loops:", loops[0] is not loops[1])
print("both closed:", loops[0].is_closed(), loops[1].is_closed())
print("the virtual clock is shared by all loops; time now:", loops[1].time())
