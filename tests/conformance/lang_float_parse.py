for s in ["1.5", " 2.5 ", "1e3", "-0.0", "inf", "-Infinity", "nan", "1_000.5", ".5", "5.", "abc", "", "1,5", "0x10"]:
    try:
        print(repr(s), "->", float(s))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)
print(float(3), float(True), float(-7))
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)
print(float("1e400"), float("-1e400"), float("1e-400"))
