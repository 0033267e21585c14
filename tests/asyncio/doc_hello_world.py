# The first example of the asyncio documentation: a coroutine that prints,
# sleeps one second, and prints again. Run with asyncio.run().
import asyncio
import time

async def main():
    print('Hello ...')
    await asyncio.sleep(1)
    print('... World!')

asyncio.run(main())
print("virtual seconds elapsed:", time.monotonic())
c = main()
print("calling main() alone only creates a coroutine object:", asyncio.iscoroutine(c))
c.close()
