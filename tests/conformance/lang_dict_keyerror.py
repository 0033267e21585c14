d = {"a": 1, 2: "two", (1, 2): "pair"}
for key in ["b", 3, (3, 4), "", None, 2.5]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError:", e, "| repr:", repr(e), "| args:", e.args)
try:
    del d["zzz"]
except KeyError as e:
    print("del KeyError:", e)
try:
    d[[1, 2]] = 3
except TypeError as e:
    print("TypeError:", e)
try:
    {}.pop("nothing")
except KeyError as e:
    print("pop KeyError:", e)
print(isinstance(KeyError("x"), LookupError))
try:
    {"a": 1}["A"]
except LookupError as e:
    print("caught as LookupError:", type(e).__name__, e)
