# shield() protects the inner task: cancelling the waiter raises
# CancelledError in the waiter, but the shielded work completes.
import asyncio

async def save_to_disk():
    await asyncio.sleep(2)
    print("saved at t =", asyncio.get_running_loop().time())
    return "saved"

async def handler(job):
    try:
        return await asyncio.shield(job)
    except asyncio.CancelledError:
        print("handler cancelled at t =", asyncio.get_running_loop().time())
        raise

async def main():
    job = asyncio.create_task(save_to_disk())
    h = asyncio.create_task(handler(job))
    await asyncio.sleep(1)
    h.cancel()
    print("job result:", await job, "| handler cancelled:", h.cancelled())

asyncio.run(main())
