# Retry a flaky operation, giving each attempt a time budget.
import asyncio

attempt_delays = [3, 2, 0.5]

async def flaky(i):
    await asyncio.sleep(attempt_delays[i])
    return "answer from attempt %d" % i

async def main():
    loop = asyncio.get_running_loop()
    for i in range(len(attempt_delays)):
        try:
            result = await asyncio.wait_for(flaky(i), timeout=1)
        except TimeoutError:
            print("attempt", i, "timed out at t =", loop.time())
            continue
        print(result, "at t =", loop.time())
        break

asyncio.run(main())
