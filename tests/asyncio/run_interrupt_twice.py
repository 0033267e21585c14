#| interrupt-at: 1, 3
# The first Ctrl+C cancels main; main ignores it. The second Ctrl+C raises
# KeyboardInterrupt out of the event loop at once - but asyncio.run() then
# shuts down by cancelling main AGAIN and waiting for it to finish, so a
# main that keeps ignoring cancellations delays the exit (here to t = 13).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for attempt in range(3):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("cancellation", attempt + 1, "at t =", loop.time(), "- ignored")
    print("main returns at t =", loop.time())

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("then KeyboardInterrupt comes out of asyncio.run()")
