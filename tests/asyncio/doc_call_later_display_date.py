# From the docs (event loop examples): print the time every second for 5
# seconds with call_later(). Virtual wall clock starts at 1_700_000_000.
import asyncio
import time

def display_date(end_time, loop):
    print(time.time())
    if (loop.time() + 1.0) < end_time:
        loop.call_later(1, display_date, end_time, loop)
    else:
        loop.stop()

loop = asyncio.new_event_loop()
# Schedule the first call to display_date()
end_time = loop.time() + 5.0
loop.call_soon(display_date, end_time, loop)
# Blocking call interrupted by loop.stop()
try:
    loop.run_forever()
finally:
    loop.close()
