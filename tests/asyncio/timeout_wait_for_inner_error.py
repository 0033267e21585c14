# Errors inside the awaited coroutine pass through wait_for unchanged.
import asyncio

async def broken():
    await asyncio.sleep(0.5)
    raise PermissionError("denied")

async def main():
    try:
        await asyncio.wait_for(broken(), timeout=2)
    except PermissionError as e:
        print("PermissionError passed through:", e)
    except TimeoutError:
        print("not this one")
    print("t =", asyncio.get_running_loop().time())

asyncio.run(main())
