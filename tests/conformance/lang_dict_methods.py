d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("c", 3), d)
print(d.pop("b"), d.pop("zz", "default"), d)
d.update({"d": 4, "a": 10})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e["a"] = -1
print(d["a"], e["a"])
print(len(d), "a" in d, 1 in d, "zz" not in d)
for k, v in d.items():
    print(k, "=", v, end="; ")
print()
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(dict(a=1, b=2), dict([("x", 1)]), dict(zip("ab", [1, 2])), dict())
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
