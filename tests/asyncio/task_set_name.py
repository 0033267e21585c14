# set_name() renames a task at any time; names are converted with str().
import asyncio

async def job():
    me = asyncio.current_task()
    print("running as", me.get_name())
    await asyncio.sleep(0)
    print("now called", me.get_name())

async def main():
    t = asyncio.create_task(job())
    print("created:", t.get_name())
    await asyncio.sleep(0)
    t.set_name("renamed")
    await t
    t.set_name(404)
    print("non-string name becomes", repr(t.get_name()))

asyncio.run(main())
