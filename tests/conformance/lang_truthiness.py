values = [0, 1, -1, 0.0, 0.5, "", " ", "0", [], [0], (), (None,), {}, {"": 0}, set(), None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), "->", "truthy" if v else "falsy")
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
print(bool(Empty()), bool(Full()), not Empty())
x = None
print(x is None, not x, x == None)
