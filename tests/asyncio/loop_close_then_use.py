# After close(), scheduling anything raises RuntimeError('Event loop is
# closed'); close() on a closed loop is a harmless no-op.
import asyncio

async def nothing():
    return None

loop = asyncio.new_event_loop()
loop.close()
loop.close()
print("closed twice, is_closed():", loop.is_closed())
for label, action in [("call_soon", lambda: loop.call_soon(print)),
                      ("call_later", lambda: loop.call_later(1, print)),
                      ("run_forever", lambda: loop.run_forever())]:
    try:
        action()
    except RuntimeError as e:
        print(label, "->", e)
coro = nothing()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("run_until_complete ->", e)
coro.close()
