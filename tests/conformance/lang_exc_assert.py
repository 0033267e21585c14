def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert 1 == 1, "not raised"
x = 3
assert x == 4, "x should be 4"
print("unreachable")
