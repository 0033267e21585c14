#| interrupt-at: 0.05
#| iteration-cost: 0.01
# A busy loop never lets the loop go idle, but with an iteration cost the
# clock still moves, so Ctrl+C at t = 0.05 is delivered at a zero-timeout
# poll once the clock has passed it.
import asyncio

async def main():
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("interrupted after", n, "iterations at t =",
              round(asyncio.get_running_loop().time(), 2))
        raise

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt")
