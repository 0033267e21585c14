def gen():
    yield 1
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def empty():
    return
    yield
try:
    next(empty())
except StopIteration as e:
    print("value:", e.value, "args:", e.args, "str:", repr(str(e)))
e = StopIteration("x", "y")
print(e.value, e.args)
try:
    raise StopIteration(99)
except StopIteration as s:
    print("manual:", s.value)
def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print(e.value, e.args)
