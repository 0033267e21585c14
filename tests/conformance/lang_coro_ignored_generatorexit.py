import asyncio
async def stubborn():
    try:
        await asyncio.sleep(0)
    except GeneratorExit:
        print("ignoring GeneratorExit")
        await asyncio.sleep(0)
    print("stubborn ends")
c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.send(None)
except StopIteration:
    print("finished normally afterwards")
