# A two-stage pipeline: numbers -> squares -> printer, each stage a task,
# connected by queues.
import asyncio

async def source(out):
    for n in range(1, 5):
        await out.put(n)
        await asyncio.sleep(0.2)
    await out.put(None)

async def square(inp, out):
    while True:
        n = await inp.get()
        if n is None:
            break
        await asyncio.sleep(0.5)
        await out.put(n * n)
    await out.put(None)

async def sink(inp):
    loop = asyncio.get_running_loop()
    while True:
        v = await inp.get()
        if v is None:
            break
        print("t = %.1f result %d" % (loop.time(), v))

async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    await asyncio.gather(source(q1), square(q1, q2), sink(q2))

asyncio.run(main())
