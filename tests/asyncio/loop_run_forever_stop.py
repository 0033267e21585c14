# run_forever() runs until some callback calls loop.stop(). Here a chain of
# call_later callbacks counts down and stops the loop.
import asyncio

loop = asyncio.new_event_loop()

def countdown(n):
    print("t =", loop.time(), "countdown", n)
    if n == 0:
        print("calling stop()")
        loop.stop()
    else:
        loop.call_later(0.5, countdown, n - 1)

loop.call_soon(countdown, 3)
print("is_running before:", loop.is_running())
loop.run_forever()
print("run_forever returned; is_running:", loop.is_running())
loop.close()
