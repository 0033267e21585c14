# SystemExit (not an Exception) raised in a TaskGroup child escapes the
# event loop itself at once. asyncio.run() then shuts down: cancelling
# main lets the group clean up, and main's `except SystemExit` even runs
# - but asyncio.run() still re-raises the original SystemExit: status 5.
import asyncio

async def quitter():
    await asyncio.sleep(1)
    raise SystemExit(5)

async def other():
    try:
        await asyncio.sleep(10)
    finally:
        print("other cleaned up")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quitter())
            tg.create_task(other())
    except SystemExit as e:
        print("main caught SystemExit with code", e.code, "(during shutdown)")

asyncio.run(main())
print("never printed: the process exits with status 5")
