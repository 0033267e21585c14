# gather() with no arguments is an already-finished future holding [].
import asyncio

async def main():
    g = asyncio.gather()
    print("done immediately:", g.done(), "| result:", g.result())
    print("await gives", await g)
    empty = []
    print("gather(*[]) ->", await asyncio.gather(*empty))

asyncio.run(main())
print("asyncio.run() accepts any coroutine, e.g. asyncio.sleep():")
print(asyncio.run(asyncio.sleep(0, result="sleep result")))
