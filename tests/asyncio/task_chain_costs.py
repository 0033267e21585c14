# A waits for task B, which waits for task C. When C finishes, B resumes one
# iteration later and A one more iteration after that.
import asyncio

async def ticker():
    for i in range(6):
        print("  tick", i)
        await asyncio.sleep(0)

async def c():
    print("C finishes")
    return "c"

async def b():
    r = await asyncio.create_task(c())
    print("B resumes with", r)
    return r + "b"

async def main():
    asyncio.create_task(ticker())
    r = await asyncio.create_task(b())
    print("A resumes with", r)

asyncio.run(main())
