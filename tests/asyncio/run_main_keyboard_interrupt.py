# KeyboardInterrupt raised inside main escapes asyncio.run(); uncaught, the
# process ends with status 130 like a real Ctrl+C.
import asyncio

async def main():
    print("main starts")
    await asyncio.sleep(1)
    try:
        raise KeyboardInterrupt
    finally:
        print("main finally")

asyncio.run(main())
print("never printed")
