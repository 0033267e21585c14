# return_when=FIRST_COMPLETED returns as soon as one task is done; the rest
# keep running and can be waited for again.
import asyncio

async def racer(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    tasks = {asyncio.create_task(racer(n, d)) for n, d in [("tortoise", 3), ("hare", 1), ("snail", 5)]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first finished:", [t.result() for t in done], "at", asyncio.get_running_loop().time())
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print("next:", [t.result() for t in done], "at", asyncio.get_running_loop().time())

asyncio.run(main())
