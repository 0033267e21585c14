f = frozenset([3, 1, 2, 3])
print(f)
print(frozenset(), len(f), 2 in f)
print(f | {4}, f & {1, 9}, f - {1})
print(type(f | {4}).__name__, type({4} | f).__name__)
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
try:
    f.add(5)
except AttributeError as e:
    print("AttributeError:", e)
print(f == {1, 2, 3}, f.union([7]))
print(sorted(f, reverse=True))
