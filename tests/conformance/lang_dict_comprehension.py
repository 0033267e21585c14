squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
inverse = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverse)
words = ["apple", "bob", "kayak", "tree"]
print({w: w == w[::-1] for w in words})
print({c: ord(c) for c in "abc"})
print({x % 3: x for x in range(10)})
nested = {i: {j: i * j for j in range(3)} for i in range(2)}
print(nested)
print({(i, j): i + j for i in range(2) for j in range(2)})
print({k: [] for k in "xy"})
