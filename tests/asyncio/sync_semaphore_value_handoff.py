# Releasing a semaphore hands the permit straight to the oldest waiter, even
# if another task tries to acquire before the waiter runs.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    order = []

    async def waiter(name):
        await sem.acquire()
        order.append(name)

    w = asyncio.create_task(waiter("waiter"))
    await asyncio.sleep(0)
    sem.release()
    print("after release, locked():", sem.locked())
    late = asyncio.create_task(waiter("latecomer"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("order:", order, "| latecomer still waiting:", not late.done())
    sem.release()
    await late
    print("order:", order)

asyncio.run(main())
