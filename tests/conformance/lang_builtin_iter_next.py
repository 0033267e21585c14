it = iter([10, 20, 30])
print(next(it), next(it), next(it))
print(next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args, e.value)
s = iter("ab")
print(list(s), list(s))
d = iter({"k": 1, "j": 2})
print(next(d), next(d))
print(iter(it) is it)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
r = iter(range(3))
for x in r:
    print("loop", x)
    if x == 0:
        print("skip", next(r))
