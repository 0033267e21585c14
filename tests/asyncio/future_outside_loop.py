# asyncio.Future() without a running loop attaches to get_event_loop();
# its callbacks run once that loop runs.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
fut = asyncio.Future()
print("attached to our loop:", fut.get_loop() is loop)
fut.add_done_callback(lambda f: print("callback:", f.result()))
fut.set_result("set before the loop runs")
print("callback has not run:", repr(fut))

async def main():
    await asyncio.sleep(0)
    print("the loop ran the queued callback first")

loop.run_until_complete(main())
loop.close()
