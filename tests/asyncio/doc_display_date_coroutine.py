# From the docs (coroutines): the display_date example written as a
# coroutine instead of callbacks.
import asyncio
import time

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        print(time.time() - 1_700_000_000, "seconds after the virtual epoch")
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)

asyncio.run(display_date())
print("done")
