# Cancelling the task that awaits gather() cancels the gather and through it
# every child.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(n)
    finally:
        print("child", n, "cleanup")

async def parent():
    try:
        await asyncio.gather(child(1), child(2))
    except asyncio.CancelledError:
        print("parent cancelled")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("p.cancelled():", p.cancelled())

asyncio.run(main())
