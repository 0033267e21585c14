# While one loop runs, another loop cannot be started in the same thread.
import asyncio

async def tiny():
    return "tiny"

async def main():
    other = asyncio.new_event_loop()
    coro = tiny()
    try:
        other.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    other.close()
    print("other loop closed:", other.is_closed())

asyncio.run(main())
