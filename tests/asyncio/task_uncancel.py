# cancelling() counts cancel() requests; uncancel() decrements the count.
# Catching CancelledError does not reset it.
import asyncio

async def resilient():
    me = asyncio.current_task()
    for round_ in range(2):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("round", round_, "cancelled; cancelling() =", me.cancelling())
            print("uncancel() ->", me.uncancel())
    return "finished anyway"

async def main():
    t = asyncio.create_task(resilient())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t, "| cancelled():", t.cancelled(), "| cancelling():", t.cancelling())

asyncio.run(main())
