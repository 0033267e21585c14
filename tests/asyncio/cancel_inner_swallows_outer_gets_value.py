# If the awaited inner task swallows the cancellation and returns a value,
# the outer task (which was the one cancelled) receives that value.
import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner swallows the cancel")
    return "inner value"

async def outer(t):
    value = await t
    print("outer got", value, "and was not cancelled")
    return value

async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(0)
    print("o.cancel() ->", o.cancel())
    print(await o, "| o.cancelled():", o.cancelled())

asyncio.run(main())
