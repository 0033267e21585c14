# Several tasks may await the same future; all wake up, in the order they
# started waiting, one iteration after it completes.
import asyncio

async def waiter(name, fut):
    print(name, "waits")
    value = await fut
    print(name, "got", value)

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    print("main sets the result")
    fut.set_result("shared")
    print("main still running")
    await asyncio.gather(*tasks)

asyncio.run(main())
