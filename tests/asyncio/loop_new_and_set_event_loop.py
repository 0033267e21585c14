# new_event_loop() makes a fresh loop that is NOT the current loop until
# set_event_loop() installs it.
import asyncio

first = asyncio.get_event_loop()
fresh = asyncio.new_event_loop()
print("fresh is a different loop:", fresh is not first)
print("current loop is still the first:", asyncio.get_event_loop() is first)
asyncio.set_event_loop(fresh)
print("after set_event_loop, current is fresh:", asyncio.get_event_loop() is fresh)

async def where():
    return asyncio.get_running_loop() is fresh

print("coroutine ran on fresh:", fresh.run_until_complete(where()))
first.close()
fresh.close()
print("both closed:", first.is_closed(), fresh.is_closed())
