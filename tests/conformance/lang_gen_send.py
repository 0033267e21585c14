def accumulator():
    total = 0
    while True:
        value = yield total
        print("received", value)
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)
def echo():
    received = []
    while True:
        x = yield
        received.append(x)
        print("echo:", x, "history:", received)
e = echo()
next(e)
e.send("a")
e.send("b")
print(e.send("c"))
g = accumulator()
try:
    g.send(1)
except TypeError as err:
    print("TypeError:", err)
