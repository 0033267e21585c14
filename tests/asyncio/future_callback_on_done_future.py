# add_done_callback() on an already-done future schedules the callback at
# once (with call_soon), so it interleaves with other call_soon callbacks.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    loop.call_soon(print, "call_soon before")
    fut.add_done_callback(lambda f: print("done callback, result", f.result()))
    loop.call_soon(print, "call_soon after")
    print("nothing has run yet")
    await asyncio.sleep(0)
    print("main resumes last")

asyncio.run(main())
