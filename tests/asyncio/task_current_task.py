# current_task() is the task whose step is running; inside a plain callback
# there is no current task (None).
import asyncio

async def child():
    print("in child:", asyncio.current_task().get_name())

def plain_callback():
    print("in a callback:", asyncio.current_task())

async def main():
    print("in main:", asyncio.current_task().get_name())
    asyncio.get_running_loop().call_soon(plain_callback)
    await asyncio.create_task(child(), name="kid")
    try:
        asyncio.current_task(None)
        print("current_task(None) inside a loop is fine")
    except RuntimeError as e:
        print(e)

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside:", e)
