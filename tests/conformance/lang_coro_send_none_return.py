async def compute(x):
    print("computing", x)
    return x * 2
c = compute(21)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value, "args:", e.args)
async def nothing():
    print("nothing returns None")
try:
    nothing().send(None)
except StopIteration as e:
    print("value is None:", e.value is None, "args:", e.args)
async def pair():
    return 1, "two"
try:
    pair().send(None)
except StopIteration as e:
    print(e.value)
