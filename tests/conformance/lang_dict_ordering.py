d = {}
for k in ["zebra", "apple", "mango"]:
    d[k] = len(k)
print(d)
d["apple"] = 0
print(d)
del d["zebra"]
d["zebra"] = 99
print(d)
d.update({"mango": 1, "kiwi": 2})
print(list(d))
print({3: "c", 1: "a", 2: "b"})
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple", None: "none", -5: "neg"})
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]))
print(dict(sorted({"b": 2, "a": 1}.items())))
print({k: v for k, v in reversed(list(d.items()))})
print(d == {"kiwi": 2, "zebra": 99, "mango": 1, "apple": 0})
print(list(d.values())[::-1])
