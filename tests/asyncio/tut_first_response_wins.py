# Ask several mirrors for the same file and keep the first answer; cancel
# the slower requests.
import asyncio

async def mirror(name, latency):
    try:
        await asyncio.sleep(latency)
        return name
    except asyncio.CancelledError:
        print("  request to", name, "cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(mirror(n, l)) for n, l in [("eu", 0.7), ("us", 0.3), ("asia", 1.2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    winner = done.pop().result()
    print("fastest mirror:", winner, "at t =", asyncio.get_running_loop().time())
    for t in tasks:
        if t in pending:
            t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
