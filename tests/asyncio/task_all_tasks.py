# all_tasks() is a set of the not-yet-done tasks of the running loop
# (sort it before printing: its order is arbitrary).
import asyncio

async def nap(d):
    await asyncio.sleep(d)

async def main():
    for d in (1, 2, 3):
        asyncio.create_task(nap(d), name="nap%d" % d)
    for t in (0.5, 1.5, 2.5, 3.5):
        await asyncio.sleep(t - asyncio.get_running_loop().time())
        names = sorted(t.get_name() for t in asyncio.all_tasks())
        print("t =", t, names)

asyncio.run(main())
