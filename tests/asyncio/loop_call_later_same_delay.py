# Timers with the same deadline fire in the order they were scheduled.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for name in ["first", "second", "third", "fourth"]:
        loop.call_later(1, print, "timer", name)
    loop.call_at(loop.time() + 1, print, "timer via call_at")
    print("all scheduled for t = 1")
    await asyncio.sleep(1)
    print("main: its own 1 s timer was scheduled last, so it resumes last")

asyncio.run(main())
