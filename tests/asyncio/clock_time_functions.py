# On the virtual clock: loop.time(), time.monotonic() and
# time.perf_counter() all read the same clock; time.time() is that clock
# plus a fixed wall-clock epoch (1_700_000_000).
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    for step in range(3):
        print("loop.time() =", loop.time(), "| monotonic =", time.monotonic(),
              "| perf_counter =", time.perf_counter(), "| time() =", time.time())
        await asyncio.sleep(1.25)
    start = time.perf_counter()
    await asyncio.sleep(0.75)
    print("elapsed by perf_counter:", time.perf_counter() - start)

asyncio.run(main())
