# If something calls loop.stop() before the awaited future is done,
# run_until_complete() raises RuntimeError. The task stays pending.
import asyncio

loop = asyncio.new_event_loop()

async def slow():
    await asyncio.sleep(10)
    return "never"

loop.call_later(1, loop.stop)
task = loop.create_task(slow())
try:
    loop.run_until_complete(task)
except RuntimeError as e:
    print("RuntimeError:", e, "at t =", loop.time())
print("task done?", task.done())
print("it can be cancelled and run again to finish it:")
task.cancel()
try:
    loop.run_until_complete(task)
except asyncio.CancelledError:
    print("task ended cancelled:", task.cancelled())
loop.close()
