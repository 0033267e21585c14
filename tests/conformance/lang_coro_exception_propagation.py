import asyncio
async def deepest():
    await asyncio.sleep(0)
    raise ValueError("from deepest")
async def middle():
    try:
        await deepest()
    finally:
        print("middle finally")
async def top():
    try:
        await middle()
    except ValueError as e:
        print("top caught", e)
        return "recovered"
c = top()
print("first send yields", c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
async def unhandled():
    await middle()
u = unhandled()
u.send(None)
u.send(None)
