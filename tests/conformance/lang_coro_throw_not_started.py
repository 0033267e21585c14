async def body():
    print("body runs")
    return 1
c = body()
try:
    c.throw(ValueError("before start"))
except ValueError as e:
    print("raised immediately:", repr(e))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
d = body()
d.close()
try:
    d.send(None)
except RuntimeError as e:
    print("after close():", e)
print("no 'never awaited' warning for thrown-into or closed coroutines")
