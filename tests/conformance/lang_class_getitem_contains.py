class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
s = Squares()
print(s[3], list(s), 9 in s, 10 in s)
for v in s:
    print("item", v)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __contains__(self, key):
        print("contains called with", key)
        return key in self.cells
g = Grid()
g.cells[(0, 1)] = "#"
print(g[0, 1], g[(5, 5)])
print((0, 1) in g, (2, 2) not in g)
class Lookup:
    def __getitem__(self, key):
        if isinstance(key, str):
            return key.upper()
        raise KeyError(key)
L = Lookup()
print(L["abc"])
try:
    L[1]
except KeyError as e:
    print("KeyError:", e)
