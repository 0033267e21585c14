# A task whose awaited future already has a result, but which has not yet
# resumed, is still cancellable: the result is discarded.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()

    async def waiter():
        try:
            print("waiter got", await fut)
        except asyncio.CancelledError:
            print("waiter cancelled; fut.result() =", fut.result())

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    fut.set_result("R")
    print("w.cancel() ->", w.cancel())
    await w

asyncio.run(main())
