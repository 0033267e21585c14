# A coroutine without return gives None; a task around it has result None.
import asyncio

async def silent():
    await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(silent())
    value = await t
    print("await gave", value, "| result():", t.result())
    print("direct await gives", await silent())
    print("sleep's result argument:", await asyncio.sleep(0, result="wake-up value"))
    print("and with a delay:", await asyncio.sleep(0.5, "after half a second"))

asyncio.run(main())
