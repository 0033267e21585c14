# round() uses banker's rounding; floats are binary.
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5):
    print(x, "->", round(x))
print(round(2.675, 2))
print(round(1.005, 2))
print(round(3.14159, 3))
print(round(1234, -2), round(1250, -2), round(1350, -2))
print(round(-1234.5678, 1))
print(round(7))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(round(0.125, 2), round(0.375, 2))
print(round(5, 2))
print(round(1e16), round(2.5e-7, 7))
print(round(-0.4))
