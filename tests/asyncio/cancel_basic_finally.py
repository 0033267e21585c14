# Cancelling a task throws CancelledError at its current await; finally
# blocks run, so resources can be released.
import asyncio

async def worker():
    print("worker: acquiring resource")
    try:
        while True:
            await asyncio.sleep(1)
            print("worker: working at t =", asyncio.get_running_loop().time())
    finally:
        print("worker: releasing resource")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(2.5)
    print("main: cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main: worker is cancelled:", t.cancelled())

asyncio.run(main())
