# A task that awaits itself gets a RuntimeError thrown into it.
import asyncio

async def narcissist():
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])
    return "recovered"

async def main():
    t = asyncio.create_task(narcissist())
    print(await t)

asyncio.run(main())
