# asyncio.run() calls set_event_loop(None) when it finishes, so a later
# get_event_loop() in the main thread no longer creates a loop: it raises.
import asyncio

async def main():
    return "main done"

print(asyncio.run(main()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("after set_event_loop:", asyncio.get_event_loop() is loop)
loop.close()
