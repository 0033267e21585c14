# wait() works on plain futures too: whoever completes them decides.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f1, f2, f3 = loop.create_future(), loop.create_future(), loop.create_future()
    loop.call_later(1, f1.set_result, "one")
    loop.call_later(2, f2.set_exception, OSError("two failed"))
    loop.call_later(3, f3.cancel)
    done, pending = await asyncio.wait([f1, f2, f3], timeout=2.5)
    print("done:", len(done), "pending:", len(pending), "at", loop.time())
    print("f1:", f1.result(), "| f2:", repr(f2.exception()), "| f3 pending:", not f3.done())
    await asyncio.wait([f3])
    print("f3 cancelled:", f3.cancelled(), "at", loop.time())

asyncio.run(main())
