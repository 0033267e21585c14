# set_exception() accepts an exception class (it is instantiated) or an
# instance. StopIteration is refused with a TypeError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f1.set_exception(ValueError)
    print("class became instance:", repr(f1.exception()))
    f2 = loop.create_future()
    f2.set_exception(ValueError("with message"))
    print("instance kept:", repr(f2.exception()))
    f3 = loop.create_future()
    try:
        f3.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    print("f3 still pending:", not f3.done())
    f3.cancel()

asyncio.run(main())
