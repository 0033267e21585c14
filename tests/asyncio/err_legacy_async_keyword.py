# asyncio.async() was the old name of ensure_future(). Since Python 3.7
# `async` is a keyword, so this line is a SyntaxError: nothing runs.
import asyncio

async def job():
    return 1

print("this is never printed: the file does not compile")
loop = asyncio.new_event_loop()
task = asyncio.async(job())
loop.run_until_complete(task)
