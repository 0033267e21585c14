# call_soon() callbacks run in the order they were scheduled, with their
# positional arguments, in the next loop iteration.
import asyncio

def show(*args):
    print("callback", *args)

async def main():
    loop = asyncio.get_running_loop()
    for i in range(3):
        loop.call_soon(show, i, "x" * i)
    loop.call_soon(show, "last")
    print("scheduled four callbacks; none has run yet")
    await asyncio.sleep(0)
    print("main resumes after them")

asyncio.run(main())
