a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a)
print(a.union(b), a.union([9, 8], (7,)))
a.add(10)
a.add(2)
print(a)
a.discard(10)
a.discard(999)
print(a)
a.remove(1)
print(a)
print(len(a), 3 in a, 7 not in a)
print({5, 3, 1, 3, 5})
print(set([3, 2, 1, 2]), set(range(5)), set())
print({x % 4 for x in range(20)})
c = set(a)
c |= {100}
c &= {2, 3, 100}
c -= {3}
print(c, a)
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, {1} <= {1}, {1, 2} > {1})
print(sorted({-5, 10, 0, 3}))
print({True, 1, 1.0, 0, False})
