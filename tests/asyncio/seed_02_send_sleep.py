#| title: send(None) into a coroutine that awaits asyncio.sleep
#| title-zh: 用 send(None) 驱动 await asyncio.sleep 的协程
#| source: seed tutorial, example 2
#| tutorial-output:
#|   1
#|   3
#|   4
import asyncio

async def test1():
    print("1")
    await asyncio.sleep(1) # asyncio.sleep(1)返回的也是一个协程对象
    print("2")

async def test2():
    print("3")
    print("4")

a = test1()
b = test2()

try:
    a.send(None) # 可以通过调用 send 方法，执行协程函数
except StopIteration:
    # 协程函数执行结束时会抛出一个StopIteration 异常，标志着协程函数执行结束
    pass

try:
    b.send(None) # 可以通过调用 send 方法，执行协程函数
except StopIteration:
    pass
