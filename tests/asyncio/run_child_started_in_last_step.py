# A task created in main's final step still gets its first step before the
# loop stops, and is then cancelled during shutdown.
import asyncio

async def child():
    print("child starts")
    try:
        await asyncio.sleep(10)
    finally:
        print("child finally (shutdown)")

async def main():
    asyncio.create_task(child())
    print("main returns right after create_task")

asyncio.run(main())
print("asyncio.run returned")
