# pow and ** with positive and negative exponents.
print(2 ** 10)
print(2 ** -1)
print(2 ** -3)
print(10 ** -2)
print((-2) ** 3)
print((-2) ** -2)
print(0 ** 0)
print(2.0 ** 0.5)
print(9 ** 0.5)
print(pow(3, 4))
print(pow(2, -2))
print(pow(7, 2, 5))
print(pow(-3, 3, 7))
print(4 ** 0.5 == 2)
print(pow(1.5, 2))
print(10 ** 18)
print(type(2 ** -1).__name__, type(2 ** 3).__name__)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
