# iscoroutinefunction() tests a function, iscoroutine() an object.
import asyncio

async def native():
    return 1

def regular():
    return 1

async def main():
    print("iscoroutinefunction(native):", asyncio.iscoroutinefunction(native))
    print("iscoroutinefunction(regular):", asyncio.iscoroutinefunction(regular))
    c = native()
    print("iscoroutine(native()):", asyncio.iscoroutine(c))
    print("iscoroutine(native):", asyncio.iscoroutine(native))
    t = asyncio.create_task(c)
    print("iscoroutine(task):", asyncio.iscoroutine(t))
    print("iscoroutine(regular()):", asyncio.iscoroutine(regular()))
    await t

asyncio.run(main())
