# Other loop= arguments removed in 3.10: gather(), Queue(), Lock(), Event().
import asyncio

async def one():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    c = one()
    try:
        await asyncio.gather(c, loop=loop)
    except TypeError as e:
        print("gather:", e)
    c.close()
    for cls in (asyncio.Queue, asyncio.Lock, asyncio.Event, asyncio.Semaphore):
        try:
            cls(loop=loop)
        except TypeError as e:
            print(cls.__name__ + ":", e)

asyncio.run(main())
