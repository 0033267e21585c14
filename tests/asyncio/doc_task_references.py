# The docs warn: keep a reference to tasks created with create_task(); the
# recommended pattern is a set of background tasks that removes itself.
import asyncio

background_tasks = set()

async def some_coro(param):
    await asyncio.sleep(param / 10)
    print("background job", param, "done")

async def main():
    for i in range(5):
        task = asyncio.create_task(some_coro(param=i))
        # Add task to the set. This creates a strong reference.
        background_tasks.add(task)
        # To prevent keeping references to finished tasks forever,
        # make each task remove its own reference from the set after
        # completion:
        task.add_done_callback(background_tasks.discard)
    print("tasks alive:", len(background_tasks))
    await asyncio.sleep(1)
    print("tasks alive:", len(background_tasks))

asyncio.run(main())
