# Both a background task failure nobody retrieved and an exception in main:
# the background task's log message comes during shutdown; the main
# traceback is printed last, so its final line is the last stderr line.
import asyncio

async def background():
    raise KeyError("background")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    raise NameError("main failed")

asyncio.run(main())
