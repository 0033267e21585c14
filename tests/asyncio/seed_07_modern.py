#| interrupt-at: 1
# Seed example 7, modernised. asyncio.Task.all_tasks() is gone (use
# asyncio.all_tasks()), and asyncio.run() handles Ctrl+C itself: the first
# SIGINT cancels the main task; asyncio.run() then cancels every other task
# and raises KeyboardInterrupt to the caller.
import asyncio

async def test1(n):
    print("1")
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print("task", n, "cancelled")
        raise
    print("2")
    return "stop"

async def main():
    tasks = [asyncio.create_task(test1(n)) for n in range(3)]
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError:
        others = asyncio.all_tasks() - {asyncio.current_task()}
        print("main cancelled at t =", asyncio.get_running_loop().time(),
              "| other tasks still pending:", len(others))
        for t in tasks:
            t.cancel()
        await asyncio.wait(tasks)
        raise

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt reached the caller; the loop is closed")
