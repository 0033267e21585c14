# deque methods beyond append/pop: extend, extendleft, remove, count, clear, index.
from collections import deque
d = deque([1, 2])
d.extend([3, 4])
d.extendleft([0, -1])
print(d)
d.remove(2)
print(d, d.count(3), d.count(99))
print(d.index(3))
try:
    d.remove(42)
except ValueError as e:
    print("ValueError:", e)
d.insert(1, "x")
print(d)
d.reverse()
print(d)
c = d.copy()
d.clear()
print(d, c, len(c))
print(deque([1, 2]) + deque([3]), deque([0]) * 3)
