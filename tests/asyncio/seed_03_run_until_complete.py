#| title: Awaiting a coroutine inside run_until_complete
#| title-zh: 在 run_until_complete 中 await 另一个协程
#| source: seed tutorial, example 3
#| tutorial-output:
#|   1
#|   3
#|   4
#|   2
import asyncio
async def test1():
    print("1")
    await test2()
    print("2")

async def test2():
    print("3")
    print("4")

loop = asyncio.get_event_loop()
loop.run_until_complete(test1())
