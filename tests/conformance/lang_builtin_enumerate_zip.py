names = ["ann", "bob", "cy"]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=1):
    print(i, n)
print(list(enumerate("ab", 10)))
ages = [31, 42, 53, 64]
print(list(zip(names, ages)))
print(list(zip(names, ages, "xyz")))
print(list(zip()), list(zip([1, 2])))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip(names, ages)))
e = enumerate(["p", "q"])
print(next(e), next(e))
z = zip([1, 2], [3, 4])
print(type(z).__name__, type(e).__name__)
for a, (b, c) in zip("xy", [(1, 2), (3, 4)]):
    print(a, b, c)
