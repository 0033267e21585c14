# get_running_loop() only works while a loop is running; outside it raises
# RuntimeError('no running event loop'). get_event_loop() is more lenient.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)

async def main():
    loop = asyncio.get_running_loop()
    print("inside: got a loop, running =", loop.is_running())
    print("same as get_event_loop():", loop is asyncio.get_event_loop())

asyncio.run(main())

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("after run:", e)
