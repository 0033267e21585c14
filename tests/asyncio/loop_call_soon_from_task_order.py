# Callbacks and task steps share one FIFO ready queue.
import asyncio

async def worker(name):
    print(name, "step 1")
    asyncio.get_running_loop().call_soon(print, name, "callback")
    await asyncio.sleep(0)
    print(name, "step 2")

async def main():
    asyncio.create_task(worker("A"))
    asyncio.create_task(worker("B"))
    await asyncio.sleep(0)
    print("main after one iteration")
    await asyncio.sleep(0)
    print("main after two iterations")

asyncio.run(main())
