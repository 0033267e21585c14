# A task may catch CancelledError and carry on; it then does not end
# cancelled. (Usually a bad idea: the canceller expects it to stop.)
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: caught the cancellation, continuing")
    await asyncio.sleep(1)
    return "stubborn finished"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    result = await t
    print(result, "| cancelled():", t.cancelled(), "| t =", asyncio.get_running_loop().time())

asyncio.run(main())
