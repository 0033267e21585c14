# A coroutine object that is still referenced at the end of the program is
# reported when the interpreter shuts down ("sys:1: RuntimeWarning").
import asyncio

async def forgotten():
    return "nobody will see this"

pending = [forgotten()]
print("a coroutine object is kept in a list, never awaited")

async def main():
    await asyncio.sleep(0)
    print("main ran fine")

asyncio.run(main())
print("end of program; the warning is printed after this")
