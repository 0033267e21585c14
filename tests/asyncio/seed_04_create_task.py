#| title: Wrapping a coroutine in a task with loop.create_task
#| title-zh: 用 loop.create_task 把协程包装成任务
#| source: seed tutorial, example 4
import asyncio

async def test1():
    print("1")
    await test2()
    print("2")

async def test2():
    print("3")
    print("4")

loop = asyncio.get_event_loop()
task = loop.create_task(test1())
loop.run_until_complete(task)
