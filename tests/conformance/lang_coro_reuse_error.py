async def once():
    return "done"
c = once()
try:
    c.send(None)
except StopIteration as e:
    print("first:", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.throw(ValueError("x"))
except RuntimeError as e:
    print("RuntimeError:", e)
print(c.close())
async def awaiter(inner):
    return await inner
try:
    awaiter(c).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def fails():
    raise KeyError("k")
f = fails()
try:
    f.send(None)
except KeyError as e:
    print("KeyError:", e)
try:
    f.send(None)
except RuntimeError as e:
    print("after exception:", e)
