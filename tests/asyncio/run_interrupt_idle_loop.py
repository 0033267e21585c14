#| interrupt-at: 5
# main waits for an Event that nobody sets: the loop is idle with nothing
# scheduled. Ctrl+C at t = 5 still arrives and ends the wait.
import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print("woken by Ctrl+C at t =", asyncio.get_running_loop().time())
        raise

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt")
