#| interrupt-at: 2.5
# Ctrl+C (SIGINT at t = 2.5) under asyncio.run(): the main task is
# cancelled, its finally block runs, and asyncio.run() raises
# KeyboardInterrupt. Uncaught, the process ends with status 130.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        while True:
            await asyncio.sleep(1)
            print("working, t =", loop.time())
    finally:
        print("main finally at t =", loop.time())

asyncio.run(main())
print("never printed")
