a = [1, [2, 3], 4]
b = a.copy()
b[0] = "changed"
b[1].append("shared")
print(a)
print(b)
c = list(a)
print(c == a, c is a)
a.reverse()
print(a)
print(a.reverse())
print(a)
a.clear()
print(a, len(a))
d = [1, 2, 3]
e = d
e += [4]
print(d)
e = e + [5]
print(d, e)
print(list(reversed(e)), e)
