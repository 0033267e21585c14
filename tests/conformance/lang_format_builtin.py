print(format(3.14159, ".2f"))
print(format(42, "05d"))
print(format(42))
print(repr(format("x", ">4")))
print(format(255, "x"), format(255, "#X"))
print(format(0.5, "%"))
print(format(True), format(True, "d"), format(None))
print(format(1e-10), format(1e-10, "f"), format(123.0, "g"))
print(format(12, "b"), format(-12, "08b"))
print(format([1, 2]))
try:
    format([1, 2], ">10")
except TypeError as e:
    print("TypeError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
class Temp:
    def __init__(self, c):
        self.c = c
    def __str__(self):
        return f"{self.c}C"
print(format(Temp(21)), f"{Temp(5)}")
