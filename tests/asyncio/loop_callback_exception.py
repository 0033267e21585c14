# An exception in a plain callback does not stop the loop: it is logged to
# stderr ("Exception in callback ...") and the next callbacks still run.
import asyncio

def bad():
    print("bad callback runs")
    return 1 / 0

def good():
    print("good callback runs afterwards")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    loop.call_soon(good)
    await asyncio.sleep(0)
    print("main continues; the error went to stderr only")

asyncio.run(main())
