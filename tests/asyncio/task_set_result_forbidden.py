# Tasks cannot be completed from outside: set_result and set_exception are
# reserved for the task's own coroutine.
import asyncio

async def job():
    await asyncio.sleep(0.1)
    return "own result"

async def main():
    t = asyncio.create_task(job())
    try:
        t.set_result("forced")
    except RuntimeError as e:
        print("set_result:", e)
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        print("set_exception:", e)
    print(await t)

asyncio.run(main())
