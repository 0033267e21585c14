# call_later(None, ...) and call_at(None, ...) are TypeErrors.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.call_later(None, print, "x")
    except TypeError as e:
        print("call_later:", e)
    try:
        loop.call_at(None, print, "x")
    except TypeError as e:
        print("call_at:", e)
    h = loop.call_later(1, print, "a valid timer")
    print("timer when:", h.when())
    await asyncio.sleep(1.5)

asyncio.run(main())
