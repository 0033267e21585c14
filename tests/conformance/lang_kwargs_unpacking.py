def show(a, b=2, *args, c, d=4, **kwargs):
    print("a", a, "b", b, "args", args, "c", c, "d", d, "kw", kwargs)
show(1, c=3)
show(1, 5, 6, 7, c=8, e=9)
opts = {"c": 30, "z": 26}
show(*[10, 20, 30], **opts)
show(**{"a": "A", "c": "C"})
def collect(**kw):
    return kw
print(collect(x=1, y=2))
print(collect(**{"a": 1}, **{"b": 2}))
try:
    collect(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    show(1, c=3, **{"c": 4})
except TypeError as e:
    print("TypeError:", e)
base = {"host": "localhost", "port": 80}
print({**base, "port": 8080})
