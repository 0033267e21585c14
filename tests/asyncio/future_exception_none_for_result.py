# exception() returns None for a future that finished with a result; it
# raises CancelledError for a cancelled one.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    good = loop.create_future()
    good.set_result(0)
    print("exception() of a successful future:", good.exception())
    gone = loop.create_future()
    gone.cancel()
    try:
        gone.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled future raises CancelledError")
    print("result 0 is falsy but done() is", good.done())

asyncio.run(main())
