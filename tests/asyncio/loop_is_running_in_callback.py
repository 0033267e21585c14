# is_running() is True inside callbacks and tasks, False before and after.
import asyncio

loop = asyncio.new_event_loop()

def report(where):
    print(where, "-> is_running:", loop.is_running())

async def coro():
    report("inside a task")
    loop.call_soon(report, "inside a callback")
    await asyncio.sleep(0)

report("before")
loop.run_until_complete(coro())
report("after")
loop.close()
print("closed:", loop.is_closed(), "| running:", loop.is_running())
