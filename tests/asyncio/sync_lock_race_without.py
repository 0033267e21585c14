# The same read-modify-write without a lock loses updates.
import asyncio

counter = 0

async def increment(name):
    global counter
    value = counter
    await asyncio.sleep(0.1)
    counter = value + 1
    print(name, "wrote", counter)

async def main():
    await asyncio.gather(*(increment("t%d" % i) for i in range(4)))
    print("final counter:", counter, "(4 increments, but they overwrote each other)")

asyncio.run(main())
