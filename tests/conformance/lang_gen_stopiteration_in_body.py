def leaky():
    yield 1
    raise StopIteration("oops")
g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
def uses_next(it):
    while True:
        yield next(it)
try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)
def safe_next(it):
    for x in it:
        yield x
print(list(safe_next(iter([1, 2]))))
