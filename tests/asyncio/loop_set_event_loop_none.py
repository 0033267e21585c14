# set_event_loop(None) removes the current loop: get_event_loop() then
# raises; a loop can still be used directly.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)

async def main():
    return asyncio.get_event_loop() is loop

print("inside run_until_complete the running loop wins:", loop.run_until_complete(main()))
loop.close()
