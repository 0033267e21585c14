# A task suspended in a sleep when its loop is closed stays pending forever.
# When the program ends it is freed: "Task was destroyed but it is
# pending!" is logged, then its coroutine is closed, which runs the finally
# block (here printing to stderr, so that line comes last).
import asyncio
import sys

async def sleeper():
    try:
        print("sleeper: going to sleep")
        await asyncio.sleep(10)
    finally:
        print("sleeper: finally runs when the task is destroyed", file=sys.stderr)

loop = asyncio.new_event_loop()
task = loop.create_task(sleeper())
loop.run_until_complete(asyncio.sleep(1))
loop.close()
print("loop closed; task still pending:", not task.done())
