# timeout_at(when) takes an absolute loop time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 3
    results = []
    try:
        async with asyncio.timeout_at(deadline):
            for d in (1, 1, 1, 1):
                await asyncio.sleep(d)
                results.append(loop.time())
    except TimeoutError:
        print("deadline", deadline, "reached")
    print("completed sleeps at:", results)

asyncio.run(main())
