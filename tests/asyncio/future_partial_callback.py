# functools.partial binds extra arguments for a done callback; the future is
# passed right after the bound positional arguments, before keywords.
import asyncio
import functools

def report(label, fut, count=0):
    print(label, count, "->", fut.result())

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(functools.partial(report, "first"))
    fut.add_done_callback(functools.partial(report, "second", count=2))
    p = functools.partial(report, "third", count=3)
    fut.add_done_callback(p)
    print("removed the third:", fut.remove_done_callback(p))
    fut.set_result("done!")
    await asyncio.sleep(0)

asyncio.run(main())
