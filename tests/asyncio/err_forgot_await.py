# Calling a coroutine function without await only creates a coroutine
# object; the body never runs, and Python warns when it is thrown away.
import asyncio

async def save(data):
    print("saving", data)

async def main():
    save("draft")                      # bug: no await
    print("main: the save never happened")
    await save("final")                # correct
    result = asyncio.sleep(0)          # also a coroutine object, not a sleep
    print("type of the un-awaited sleep:", type(result).__name__)
    result.close()                     # closing it silences the warning

asyncio.run(main())
