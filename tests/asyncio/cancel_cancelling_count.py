# Two cancel() calls before the task runs: one CancelledError (with the first
# message), cancelling() == 2.
import asyncio

async def target():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("caught", repr(e), "| cancelling() =", asyncio.current_task().cancelling())
        raise

async def main():
    t = asyncio.create_task(target())
    await asyncio.sleep(0)
    print(t.cancel("first"), t.cancel("second"), "| cancelling() =", t.cancelling())
    await asyncio.gather(t, return_exceptions=True)
    print("done, cancelled():", t.cancelled())

asyncio.run(main())
