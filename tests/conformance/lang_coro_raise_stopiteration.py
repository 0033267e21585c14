async def bad():
    raise StopIteration("inside coroutine")
c = bad()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
async def next_on_empty():
    return next(iter([]))
try:
    next_on_empty().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
