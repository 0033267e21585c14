a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
x, *y = [1]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print(*[1, 2, 3])
print(*"abc", sep="-")
merged = [*range(3), *"xy", 9]
print(merged)
t = (*[1, 2], 3)
print(t)
s = {*[1, 2], *[2, 3]}
print(s)
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)
[m, n] = "mn"
print(m, n)
