# An exception inside a done callback is logged ("Exception in callback")
# and does not affect the future or the awaiting task.
import asyncio

def bad_callback(fut):
    print("bad_callback runs, result", fut.result())
    raise RuntimeError("callback bug")

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(bad_callback)
    asyncio.get_running_loop().call_later(1, fut.set_result, "value")
    print("main awaits:", await fut)
    await asyncio.sleep(0)
    print("main is unaffected")

asyncio.run(main())
