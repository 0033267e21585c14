print(sorted([3, 1, 2]), sorted("cab"), sorted({3: 0, 1: 0}), sorted((2.5, -1)))
print(sorted([3, 1, 2], reverse=True))
print(sorted(["b", "A", "c"], key=str.lower))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed((1, 2))), "".join(reversed("stressed")))
r = reversed([1, 2, 3])
print(next(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
data = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(data, key=lambda t: (t[1], t[0])))
print(sorted(data, key=lambda t: -t[1]))
print(type(reversed([])).__name__)
