# An Event as a starting gun: workers line up, then all start together.
import asyncio

async def runner(name, gate, speed):
    await gate.wait()
    loop = asyncio.get_running_loop()
    await asyncio.sleep(10 / speed)
    print(name, "finished at", loop.time())

async def main():
    gate = asyncio.Event()
    tasks = [asyncio.create_task(runner(n, gate, s)) for n, s in [("slow", 2), ("fast", 5), ("medium", 4)]]
    await asyncio.sleep(3)
    print("ready... go! at", asyncio.get_running_loop().time())
    gate.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
