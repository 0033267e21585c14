# Floor division rounds toward negative infinity, for ints and floats.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, "//", b, "=", a // b)

print("floats")
for a, b in [(7.0, 2), (-7.0, 2), (7.5, -2), (-7.5, -2.5), (1e16, 3)]:
    print(a, "//", b, "=", a // b)

print("mixed", 9 // 2.0, -9 // 2.0, 9.0 // -4)
x = -17
x //= 5
print("augmented", x)
print(type(7 // 2).__name__, type(7.0 // 2).__name__)
print(-(7 // 2), (-7) // 2, -7 // 2)
