# A timer that is already due still goes through the timer heap: it runs
# after the callbacks that were queued before the iteration started, and
# due timers come out in deadline order (-5 before 0).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later(0), scheduled first")
    loop.call_later(-5, print, "call_later(-5): negative delays are not errors")
    loop.call_soon(print, "call_soon A")
    loop.call_soon(print, "call_soon B")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")

asyncio.run(main())
