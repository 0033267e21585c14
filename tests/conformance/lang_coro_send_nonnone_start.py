async def coro():
    return "ok"
c = coro()
try:
    c.send("value")
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(None)
except StopIteration as e:
    print("then send(None) works:", e.value)
