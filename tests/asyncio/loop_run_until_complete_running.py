# Calling run_until_complete() or run_forever() on the loop that is already
# running is an error (you would have to block inside a callback).
import asyncio

async def helper():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    coro = helper()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("run_until_complete:", e)
    coro.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("run_forever:", e)
    print("main still fine:", await helper())

asyncio.run(main())
