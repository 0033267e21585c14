print(1 == 1.0, 1 == "1", None == 0, [] == (), 0 == False, "" == False)
print(1 < 1.5, True < 2, -1 < False)
pairs = [(1, "a"), ("a", 1), ([1], (1,)), (None, 0), ({1}, [1]), (1.5, "2")]
for a, b in pairs:
    try:
        print(repr(a), "<", repr(b), "=", a < b)
    except TypeError as e:
        print("TypeError:", e)
try:
    print({} < {})
except TypeError as e:
    print("TypeError:", e)
try:
    print(max(3, "4"))
except TypeError as e:
    print("TypeError:", e)
print({1: "a"} == {1: "a"}, {1, 2} == frozenset({1, 2}))
