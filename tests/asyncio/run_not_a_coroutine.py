# asyncio.run() wants a coroutine object, not a function or a task.
import asyncio

async def main():
    return "ok"

for bad in (main, 42):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("ValueError:", str(e).split(", got")[0])
print(asyncio.run(main()))
