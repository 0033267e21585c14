# Which calls consume a Task-N number: gather() and ensure_future() with
# coroutines do (one each); loop.create_task(name=...) does not.
import asyncio

async def noop():
    return asyncio.current_task().get_name()

async def main():
    print(await asyncio.gather(noop(), noop()))
    print(await asyncio.ensure_future(noop()))
    loop = asyncio.get_running_loop()
    print(await loop.create_task(noop(), name="custom"))
    print(await asyncio.create_task(noop()))
    print(await asyncio.wait_for(noop(), timeout=1))
    print(await asyncio.shield(noop()))

asyncio.run(main())
