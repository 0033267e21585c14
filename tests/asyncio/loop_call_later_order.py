# call_later(delay, ...) callbacks fire in deadline order, whatever the order
# they were scheduled in. The virtual clock jumps to each deadline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()

    def fire(name):
        print("t =", loop.time(), name)

    loop.call_later(3, fire, "three seconds")
    loop.call_later(1, fire, "one second")
    loop.call_later(2, fire, "two seconds")
    loop.call_later(0.5, fire, "half a second")
    await asyncio.sleep(4)
    print("main wakes at", loop.time())

asyncio.run(main())
