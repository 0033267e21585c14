# Old tutorials call asyncio.Task.all_tasks() and asyncio.Task.current_task().
# Both were removed in Python 3.9: AttributeError. Use asyncio.all_tasks()
# and asyncio.current_task() instead.
import asyncio

async def main():
    print("modern: all_tasks() has", len(asyncio.all_tasks()), "task(s)")
    print("modern: current_task() is", asyncio.current_task().get_name())
    try:
        asyncio.Task.current_task()
    except AttributeError as e:
        print("AttributeError:", e)
    asyncio.Task.all_tasks()

asyncio.run(main())
