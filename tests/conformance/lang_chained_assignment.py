a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
i = 0
items = [10, 20, 30]
i, items[i] = 1, 99
print(i, items)
d = {}
d["k"] = d2 = {}
d2["inner"] = True
print(d)
class Box:
    pass
box = Box()
box.value = box.other = 5
print(box.value, box.other)
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 2
n %= 7
print(n)
s = "ab"
s *= 2
s += "!"
print(s)
lst = [1]
lst *= 3
print(lst)
