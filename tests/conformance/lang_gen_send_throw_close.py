def worker():
    print("worker start")
    try:
        while True:
            try:
                item = yield "ready"
                print("processing", item)
            except ValueError as e:
                print("worker handled", repr(e))
                yield "recovered"
    finally:
        print("worker cleanup")
w = worker()
print(next(w))
print(w.send("job1"))
print(w.throw(ValueError("bad job")))
print(next(w))
w.close()
print("closed")
w.close()
try:
    w.send("after close")
except StopIteration:
    print("send after close: StopIteration")
g = worker()
try:
    g.throw(KeyError("before start"))
except KeyError as e:
    print("throw before start propagates:", repr(e))
print(next(g, "exhausted"))
h = worker()
next(h)
try:
    h.throw(TypeError("unhandled"))
except TypeError as e:
    print("propagated", repr(e))
