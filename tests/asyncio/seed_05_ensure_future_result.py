#| title: ensure_future and task.result()
#| title-zh: ensure_future 与 task.result()
#| source: seed tutorial, example 5
#| tutorial-output:
#|   Zurich
#|   Alzacar
#|   --
#|   $$$
import asyncio

async def test_one():
    print("Zurich")
    await test_two()
    print("Alzacar")
    return "stop"

async def test_two():
    print("--")
    print("$$$")

loop = asyncio.get_event_loop()
task = asyncio.ensure_future(test_one())
loop.run_until_complete(task)
print(task.result())
