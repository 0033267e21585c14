print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 2}), len(range(10)))
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3])
print(range(5), range(0, 5), range(1, 10, 2))
print(list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
print(list(reversed(range(4))))
print(7 in range(0, 10, 7), 8 in range(0, 10, 7))
print(range(3) == range(0, 3), list(range(-3, 3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
total = 0
for i in range(1, 101):
    total += i
print(total)
