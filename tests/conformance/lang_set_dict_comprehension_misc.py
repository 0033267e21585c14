words = ["apple", "Avocado", "banana", "blueberry", "cherry"]
print({w[0].lower() for w in words} == {"a", "b", "c"})
print(sorted({len(w) for w in words}))
print({w: len(w) for w in words if len(w) > 5})
lengths = {}
for w in words:
    lengths.setdefault(len(w), []).append(w)
print(lengths)
print({i: i % 3 == 0 for i in range(7)})
matrix = [[1, 2], [3, 4]]
print({(r, c): matrix[r][c] for r in range(2) for c in range(2)})
print({v for row in matrix for v in row})
print(sum({x: x for x in range(5)}.values()))
