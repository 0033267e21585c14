# cancel() on a finished task returns False and changes nothing.
import asyncio

async def quick():
    return "quick"

async def main():
    t = asyncio.create_task(quick())
    await t
    print("cancel() on a done task ->", t.cancel())
    print("result still available:", t.result(), "| cancelled():", t.cancelled())

asyncio.run(main())
