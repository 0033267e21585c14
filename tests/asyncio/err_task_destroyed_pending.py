# A task created on a loop that is closed before the task ever ran: when the
# task is freed, asyncio logs "Task was destroyed but it is pending!" and
# the never-started coroutine triggers "coroutine ... was never awaited".
import asyncio

async def job():
    print("job body (never runs)")

loop = asyncio.new_event_loop()
task = loop.create_task(job())
print("task created, loop closed without running")
loop.close()
print("task done?", task.done())
del task
print("after del task")
