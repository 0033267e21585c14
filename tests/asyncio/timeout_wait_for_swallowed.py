# If the inner coroutine catches the cancellation and returns a value,
# wait_for returns that value instead of raising TimeoutError.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
        return "normal result"
    except asyncio.CancelledError:
        print("stubborn: ignoring cancellation, returning a fallback")
        return "fallback result"

async def main():
    result = await asyncio.wait_for(stubborn(), timeout=1)
    print("wait_for returned:", result, "at t =", asyncio.get_running_loop().time())

asyncio.run(main())
