print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 10))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"))
print(min("b", "a", "c"), max([1, 2], [1, 3]), max(1, 2.0, 2))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([], 5), sum(range(4), 10))
print(sum([[1], [2, 3]], []), sum((1.5, 2.5)))
print(min([3, -4, 2], key=abs), max(["a", "ccc", "bb"], key=len))
print(max([], default="empty"), min([], default=None))
print(max([2, 9, 9, 1], key=lambda v: v), max([(1, "b"), (1, "a")]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
