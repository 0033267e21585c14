# Future reprs abbreviate long results with reprlib (strings over 30 chars,
# lists over 6 items); exceptions are shown in full.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    values = ["short", "y" * 40, list(range(10)), {"k": 1}, None]
    for v in values:
        f = loop.create_future()
        f.set_result(v)
        print(repr(f))
    f = loop.create_future()
    f.set_exception(ValueError("z" * 40))
    print(repr(f))
    f.exception()
    f = loop.create_future()
    f.add_done_callback(print)
    print(repr(f))
    f.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
