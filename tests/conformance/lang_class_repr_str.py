class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Both({self.v!r})"
    def __str__(self):
        return f"<{self.v}>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "just str"
b = Both("x")
print(b)
print(str(b), repr(b))
print([b, b])
print((b,), {"k": b})
print(f"{b} {b!r}")
r = ReprOnly()
print(r, str(r), [r])
s = StrOnly()
print(s, str(s))
print("%s %r" % (b, b))
print(type(repr(StrOnly())).__name__, repr(StrOnly()).startswith("<__main__.StrOnly object at 0x"))
class Bad:
    def __str__(self):
        return 42
try:
    str(Bad())
except TypeError as e:
    print("TypeError:", e)
