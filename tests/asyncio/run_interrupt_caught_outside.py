#| interrupt-at: 1.5
# Catch the KeyboardInterrupt around asyncio.run() to exit cleanly.
import asyncio

async def main():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main sees CancelledError (that is how Ctrl+C arrives)")
        raise

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt caught around asyncio.run()")
print("clean exit")
