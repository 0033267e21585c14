# When main returns, asyncio.run() cancels tasks that are still pending and
# lets them run their cleanup before returning.
import asyncio

async def background():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("background: cancelled during shutdown")
        raise
    finally:
        print("background: finally")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main returns at t =", asyncio.get_running_loop().time())
    return "main result"

print("asyncio.run returned", asyncio.run(main()))
