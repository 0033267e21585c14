# A timer farther away than one day: the loop's poll timeout is capped at
# 86400 s, so the clock goes there in steps but the timer still fires on
# time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    def probe():
        ticks.append(loop.time())
    loop.call_later(200000, probe)
    await asyncio.sleep(250000)
    print("timer fired at", ticks, "| now", loop.time())

asyncio.run(main())
