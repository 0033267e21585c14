def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    print("outer start")
    result = yield from inner()
    print("outer received return value:", result)
    yield "outer-final"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("outer returned", e.value)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, 4]], [[5]]])))
def delegate_return():
    r = yield from []
    return r
try:
    next(delegate_return())
except StopIteration as e:
    print("empty yield from returns", e.value)
