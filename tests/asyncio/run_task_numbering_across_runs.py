# Task numbers continue across asyncio.run() calls; each run also uses two
# numbers for its own shutdown tasks.
import asyncio

async def main(label):
    me = asyncio.current_task().get_name()
    child = asyncio.create_task(asyncio.sleep(0))
    await child
    print(label, "main:", me, "| child:", child.get_name())

asyncio.run(main("run 1"))
asyncio.run(main("run 2"))
asyncio.run(main("run 3"))
