# return_exceptions=True puts exceptions into the result list in place of
# values.
import asyncio

async def parse(text):
    await asyncio.sleep(0)
    return int(text)

async def main():
    results = await asyncio.gather(parse("1"), parse("two"), parse("3"),
                                   return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", type(r).__name__, r)
        else:
            print("value:", r)

asyncio.run(main())
