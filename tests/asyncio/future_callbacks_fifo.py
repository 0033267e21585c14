# Done callbacks never run inside set_result(): each is queued, in
# registration order, and runs in the next loop iteration.
import asyncio

def cb(name):
    def inner(fut):
        print("callback", name, "sees", fut.result())
    return inner

async def main():
    fut = asyncio.get_running_loop().create_future()
    for name in "ABC":
        fut.add_done_callback(cb(name))
    print("before set_result")
    fut.set_result("value")
    print("after set_result: no callback has run yet")
    await asyncio.sleep(0)
    print("after one iteration")

asyncio.run(main())
