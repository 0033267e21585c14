# A Future whose exception nobody looks at is reported on stderr when it is
# freed: "Future exception was never retrieved".
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ok = loop.create_future()
    ok.set_exception(ValueError("seen"))
    print("retrieved:", repr(ok.exception()))
    lost = loop.create_future()
    lost.set_exception(ValueError("never seen"))
    print("dropping the future with an unretrieved exception")
    del lost
    print("main goes on")

asyncio.run(main())
