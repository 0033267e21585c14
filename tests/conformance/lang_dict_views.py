d = {"x": 1, "y": 2}
k = d.keys()
v = d.values()
it = d.items()
print(k)
print(v)
print(it)
d["z"] = 3
print(k, len(k))
print("x" in k, 2 in v, ("y", 2) in it)
print(list(k), tuple(v), sorted(it, reverse=True))
print(type(k).__name__, type(v).__name__, type(it).__name__)
for key in d:
    print(key, d[key])
print(list(zip(d.keys(), d.values())))
print(max(d, key=d.get), min(d.values()), sum(d.values()))
print({}.keys(), {}.items())
