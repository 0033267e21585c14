# asyncio.get_event_loop() outside any running loop: in the main thread it
# creates a loop the first time and returns the same loop afterwards
# (3.11.7 does this silently). Inside a running loop it returns that loop.
import asyncio

loop1 = asyncio.get_event_loop()
loop2 = asyncio.get_event_loop()
print("same loop both times:", loop1 is loop2)
print("running?", loop1.is_running(), "| closed?", loop1.is_closed())

async def main():
    inside = asyncio.get_event_loop()
    print("inside a task it is the running loop:", inside is loop1)
    print("running now?", inside.is_running())
    return "ok"

print(loop1.run_until_complete(main()))
loop1.close()
print("closed after close():", loop1.is_closed())
