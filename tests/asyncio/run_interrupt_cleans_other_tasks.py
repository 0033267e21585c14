#| interrupt-at: 2
# After Ctrl+C, asyncio.run() also cancels the other tasks, so their
# cleanup runs before KeyboardInterrupt is raised.
import asyncio

async def service():
    try:
        await asyncio.sleep(3600)
    finally:
        print("service: closed its connections")

async def main():
    asyncio.create_task(service())
    try:
        await asyncio.sleep(3600)
    finally:
        print("main: finally")

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt after both cleanups")
