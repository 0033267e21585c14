print(any([]), all([]))
print(any([0, "", None]), all([1, "x", [0]]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1, 2]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 1, 2]))
print(all(noisy(v) for v in [1, 0, 2]))
print(any("abc"), all(""))
print(all([True, 1, 1.5]), any({0: "a"}))
