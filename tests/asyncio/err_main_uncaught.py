# An exception escaping main: the traceback goes to stderr, the last line is
# "ValueError: ...", the exit status is 1. Output printed before stays.
import asyncio

async def parse(text):
    await asyncio.sleep(0)
    return int(text)

async def main():
    print("parsing 42 ->", await parse("42"))
    print("parsing 'forty-two' ...")
    print(await parse("forty-two"))

asyncio.run(main())
