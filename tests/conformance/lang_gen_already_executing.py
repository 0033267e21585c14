def selfish():
    yield next(g)
g = selfish()
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
def after():
    yield 1
a = after()
print(list(a), next(a, "done"))
def send_start():
    x = yield
    print("got", x)
s = send_start()
try:
    s.send("too early")
except TypeError as e:
    print("TypeError:", e)
print(s.send(None))
try:
    s.send("now ok")
except StopIteration:
    print("finished")
