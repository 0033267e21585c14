# Forgetting to await a coroutine that returns a value: the "value" is a
# coroutine object, and comparisons with it are simply False.
import asyncio

async def get_count():
    await asyncio.sleep(0)
    return 3

async def main():
    count = get_count()          # bug: no await
    print("count == 3?", count == 3)
    print("is it a coroutine?", asyncio.iscoroutine(count))
    count = await count          # fix it by awaiting the same object
    print("after await:", count, "| count == 3?", count == 3)

asyncio.run(main())
