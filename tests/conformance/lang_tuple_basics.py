t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:])
print((1,), (), tuple(), tuple("ab"), tuple([1, [2]]))
single = 5,
print(single, type(single).__name__)
print((1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 100))
print(t == (1, 2, 3), t == [1, 2, 3])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
print(3 in t, 4 not in t)
for a, b in [(1, "one"), (2, "two")]:
    print(a, b)
x = 1, "a", None
print(x)
print(tuple(reversed(t)), sorted((3, 1, 2)))
