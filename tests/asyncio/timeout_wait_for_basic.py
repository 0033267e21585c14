# wait_for(aw, timeout) returns the result if it arrives in time, else
# cancels the work and raises TimeoutError (the builtin TimeoutError).
import asyncio

async def slow_op(d):
    await asyncio.sleep(d)
    return "finished after %s s" % d

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow_op(1), timeout=2), "| t =", loop.time())
    try:
        await asyncio.wait_for(slow_op(5), timeout=2)
    except TimeoutError:
        print("TimeoutError at t =", loop.time())
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
