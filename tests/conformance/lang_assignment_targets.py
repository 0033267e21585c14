class Box:
    pass
b = Box()
b.items = [0, 0, 0]
b.items[1] = "mid"
b.inner = Box()
b.inner.value = 42
print(b.items, b.inner.value)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 9
print(grid)
d = {}
d["x"] = {}
d["x"]["y"] = [1]
d["x"]["y"].append(2)
print(d)
(a, b2), [c, d2] = (1, 2), [3, 4]
print(a, b2, c, d2)
p = [0, 0]
p[0], p[1] = 5, 6
print(p)
i = 0
arr = [10, 20]
arr[i], i = 99, 1
print(arr, i)
obj = Box()
obj.x, obj.y = "x", "y"
print(obj.x, obj.y)
counts = {"a": 0}
counts["a"] += 1
b.inner.value -= 2
b.items[0] += 5
print(counts, b.inner.value, b.items)
