tests = ["42", " 42 ", "-7", "+3", "1_000", "0", "abc", "3.5", "", "12a", "  ", "1__0"]
for s in tests:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)

print(int("ff", 16), int("0x1F", 16), int("777", 8), int("101", 2), int("z", 36))
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
print(int(3.9), int(-3.9), int(True), int("  -0  "))
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
