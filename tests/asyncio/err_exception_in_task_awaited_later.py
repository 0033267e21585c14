# A task's exception travels to the await, even if the task failed long
# before anyone awaited it.
import asyncio

async def fails_early():
    raise IndexError("list index out of range (early)")

async def main():
    t = asyncio.create_task(fails_early())
    await asyncio.sleep(5)
    print("t =", asyncio.get_running_loop().time(), "task failed long ago:", t.done())
    try:
        await t
    except IndexError as e:
        print("raised at the await:", e)

asyncio.run(main())
