# Seed example 5, modernised. Note the real order: "--" and "$$$" come
# before "Alzacar" (the tutorial's printed output had them swapped).
import asyncio

async def test_one():
    print("Zurich")
    await test_two()
    print("Alzacar")
    return "stop"

async def test_two():
    print("--")
    print("$$$")

async def main():
    task = asyncio.create_task(test_one())
    result = await task          # awaiting a task gives its return value
    print("await gave:", result)
    print("task.result():", task.result())

asyncio.run(main())
