#| interrupt-at: 1
# The seed tutorial's pattern, written with the modern API: catch
# KeyboardInterrupt, cancel all tasks with asyncio.all_tasks(loop), then
# run the loop again so the cancellations are processed. all_tasks() counts
# 4: the three jobs plus the task run_until_complete made for wait().
import asyncio

async def test1(n):
    print("start", n)
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print("cancelled", n)
        raise
    return "stop"

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
tasks = [loop.create_task(test1(n)) for n in range(3)]
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt:
    pending = asyncio.all_tasks(loop)
    print("Ctrl+C: cancelling", len(pending), "tasks")
    for task in tasks:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
finally:
    loop.close()
print("states:", [t.cancelled() for t in tasks])
