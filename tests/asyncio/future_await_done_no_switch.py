# Awaiting an already-finished future does not suspend the task at all.
import asyncio

async def other():
    print("  other task runs")

async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(other())
    done = loop.create_future()
    done.set_result("ready")
    print("await done future ->", await done)
    print("still the same step: other has not run")
    pending = loop.create_future()
    loop.call_soon(pending.set_result, "later")
    print("await pending future ->", await pending)

asyncio.run(main())
