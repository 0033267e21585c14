# A child failing while __aexit__ is already waiting: siblings are
# cancelled, the ExceptionGroup contains only the real error.
import asyncio

async def ok(d):
    try:
        await asyncio.sleep(d)
        return d
    except asyncio.CancelledError:
        print("ok(%s) cancelled" % d)
        raise

async def fail():
    await asyncio.sleep(2)
    raise OSError("network down")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok(1))
            tg.create_task(fail())
            tg.create_task(ok(5))
        print("not reached")
    except ExceptionGroup as eg:
        print("group of", len(eg.exceptions), "error(s):", [str(e) for e in eg.exceptions])
    print("t1 finished before the failure:", t1.result())

asyncio.run(main())
