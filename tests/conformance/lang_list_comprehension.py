print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
print([c.upper() for c in "abc" if c != "b"])
print([x if x % 2 else -x for x in range(5)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n > 2])
words = ["alpha", "beta", "gamma"]
print([(i, w[0]) for i, w in enumerate(words)])
print([len(w) for w in words])
x = "outer"
print([x for x in range(3)], x)
print(sum([i for i in range(101)]))
