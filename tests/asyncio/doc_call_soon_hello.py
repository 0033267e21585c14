# From the docs (event loop examples): Hello World with call_soon() and a
# loop that is stopped from the callback.
import asyncio

def hello_world(loop):
    """A callback to print 'Hello World' and stop the event loop"""
    print('Hello World')
    loop.stop()

loop = asyncio.new_event_loop()
# Schedule a call to hello_world()
loop.call_soon(hello_world, loop)
# Blocking call interrupted by loop.stop()
try:
    loop.run_forever()
finally:
    loop.close()
print("loop closed:", loop.is_closed())
