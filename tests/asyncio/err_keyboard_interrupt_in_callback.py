# KeyboardInterrupt raised in a callback is not logged like other errors:
# it escapes run_forever() in the middle of an iteration.
import asyncio

loop = asyncio.new_event_loop()

def first():
    print("first callback raises KeyboardInterrupt")
    raise KeyboardInterrupt

loop.call_soon(first)
loop.call_soon(print, "second callback (same iteration, but never runs now)")
try:
    loop.run_forever()
except KeyboardInterrupt:
    print("caught KeyboardInterrupt out of run_forever")
print("running once more:")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
