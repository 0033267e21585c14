#| interrupt-at: 2
# An uncaught KeyboardInterrupt out of run_forever(): status 130 and the
# last stderr line is "KeyboardInterrupt".
import asyncio

loop = asyncio.new_event_loop()

def tick(n):
    print("tick", n, "at", loop.time())
    loop.call_later(1, tick, n + 1)

loop.call_soon(tick, 0)
try:
    loop.run_forever()
finally:
    print("finally: closing the loop")
    loop.close()
