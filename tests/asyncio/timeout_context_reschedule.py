# reschedule() moves the deadline of a running timeout block.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            for i in range(5):
                await asyncio.sleep(0.8)
                print("step", i, "done at", round(loop.time(), 1), "-> extend deadline")
                cm.reschedule(loop.time() + 1)
                if i == 2:
                    print("stop extending")
                    cm.reschedule(loop.time() + 0.5)
                    await asyncio.sleep(2)
    except TimeoutError:
        print("TimeoutError at", round(loop.time(), 1))

asyncio.run(main())
