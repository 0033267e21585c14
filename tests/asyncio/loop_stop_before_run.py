# stop() called while the loop is not running: the next run_forever() runs
# exactly one iteration (everything already queued) and returns.
import asyncio

loop = asyncio.new_event_loop()

def again(n):
    print("callback", n)
    loop.call_soon(again, n + 1)   # reschedules itself forever

loop.call_soon(again, 0)
loop.stop()
loop.run_forever()
print("first run_forever returned after one iteration")
loop.stop()
loop.run_forever()
print("second run_forever returned after one more")
loop.close()
