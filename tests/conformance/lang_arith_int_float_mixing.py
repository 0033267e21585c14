# int op float -> float; int op int -> int (except /).
a = 3
b = 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a + 2, a - 5, a * 4, a ** 2)
print(type(a + b).__name__, type(a * 2).__name__)
print(1 + 2 * 3 - 4)
print((1 + 2) * (3 - 4))
print(2 ** 3 ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 - 3 - 2)
print(100 / 10 / 5)
print(3 * 1.1)
print(1.1 + 2.2)
print(0.5 + 0.25)
print(int(2.0 * 3), float(7))
print(7 == 7.0, 0.1 + 0.2 == 0.3)
print(1_000_000 * 3, 2.5e3 + 1)
print(True + 1.5, False * 10)
