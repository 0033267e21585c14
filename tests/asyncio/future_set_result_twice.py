# A future can be completed only once; a second set_result/set_exception
# raises InvalidStateError('invalid state'). cancel() on a done future just
# returns False.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("first")
    for label, action in [("set_result", lambda: fut.set_result("second")),
                          ("set_exception", lambda: fut.set_exception(ValueError()))]:
        try:
            action()
        except asyncio.InvalidStateError as e:
            print(label, "->", type(e).__name__, str(e))
    print("cancel() ->", fut.cancel())
    print("still:", fut.result())

asyncio.run(main())
