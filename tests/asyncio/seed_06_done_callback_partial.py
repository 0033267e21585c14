#| title: A done callback bound with functools.partial
#| title-zh: 用 functools.partial 绑定完成回调
#| source: seed tutorial, example 6
import asyncio
import functools

async def test1():
    print("1")
    await test2()
    print("2")
    return "stop"

async def test2():
    print("3")
    print("4")

def callback(param1,param2,future):
    print(param1,param2)
    print('Callback:',future.result())

loop = asyncio.get_event_loop()
task = asyncio.ensure_future(test1())
task.add_done_callback(functools.partial(callback,"param1","param2"))# 绑定回调函数
loop.run_until_complete(task)
