# remove_done_callback(fn) removes every registration of fn and returns how
# many were removed.
import asyncio

def hello(fut):
    print("hello callback")

def bye(fut):
    print("bye callback")

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(hello)
    fut.add_done_callback(bye)
    fut.add_done_callback(hello)
    print("removed hello:", fut.remove_done_callback(hello))
    print("removed hello again:", fut.remove_done_callback(hello))
    fut.set_result(None)
    await asyncio.sleep(0)
    print("only bye ran")

asyncio.run(main())
