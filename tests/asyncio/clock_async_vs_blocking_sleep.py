# Three tasks with await asyncio.sleep(1) take 1 s in total; with
# time.sleep(1) they take 3 s, one after the other.
import asyncio
import time

async def polite(n):
    await asyncio.sleep(1)
    print("polite", n, "done at", time.monotonic())

async def rude(n):
    time.sleep(1)
    print("rude", n, "done at", time.monotonic())

async def main():
    start = time.monotonic()
    await asyncio.gather(*(polite(n) for n in range(3)))
    print("asyncio.sleep version took", time.monotonic() - start)
    start = time.monotonic()
    await asyncio.gather(*(rude(n) for n in range(3)))
    print("time.sleep version took", time.monotonic() - start)

asyncio.run(main())
