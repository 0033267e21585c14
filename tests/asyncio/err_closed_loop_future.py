# set_result() on a future whose loop is closed fails when it has callbacks
# to schedule; a future without callbacks can still be completed.
import asyncio

loop = asyncio.new_event_loop()
quiet = loop.create_future()
noisy = loop.create_future()
noisy.add_done_callback(print)
loop.close()
quiet.set_result("fine")
print("quiet:", quiet.result())
try:
    noisy.set_result("boom")
except RuntimeError as e:
    print("noisy:", e)
print("noisy state:", noisy.done())
