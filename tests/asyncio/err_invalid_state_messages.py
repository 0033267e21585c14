# All the InvalidStateError messages a Future can produce.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    actions = [("result() while pending", f.result),
               ("exception() while pending", f.exception)]
    for label, act in actions:
        try:
            act()
        except asyncio.InvalidStateError as e:
            print(label, "->", repr(e))
    f.set_result(1)
    for label, act in [("set_result() when done", lambda: f.set_result(2)),
                       ("set_exception() when done", lambda: f.set_exception(ValueError()))]:
        try:
            act()
        except asyncio.InvalidStateError as e:
            print(label, "->", repr(e))

asyncio.run(main())
