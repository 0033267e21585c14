# Seed example 6, modernised: the done callback is bound with
# functools.partial inside asyncio.run(). The callback runs one loop
# iteration after the task finishes, before the awaiting main() resumes,
# because it was registered first.
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

def callback(param1, param2, future):
    print(param1, param2)
    print('Callback:', future.result())

async def main():
    task = asyncio.create_task(test1())
    task.add_done_callback(functools.partial(callback, "param1", "param2"))
    await task
    print("main resumes after the callback")

asyncio.run(main())
