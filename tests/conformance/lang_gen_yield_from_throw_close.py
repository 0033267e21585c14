def inner():
    try:
        while True:
            try:
                yield "inner waiting"
            except ValueError as e:
                print("inner handled", e)
    finally:
        print("inner finally")
def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")
g = outer()
print(next(g))
print(g.throw(ValueError("v1")))
g.close()
print("---")
g = outer()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated to caller:", repr(e))
print("---")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit, yielding anyway")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
