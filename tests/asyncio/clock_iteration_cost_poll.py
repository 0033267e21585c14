#| iteration-cost: 0.001
# A polling loop that checks a flag with sleep(0): with an iteration cost
# it takes a measurable amount of virtual time before the timer sets it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    flag = {"set": False}
    loop.call_later(0.0105, flag.update, {"set": True})
    polls = 0
    while not flag["set"]:
        polls += 1
        await asyncio.sleep(0)
    print("flag seen after", polls, "polls at t = %.4f" % loop.time())

asyncio.run(main())
