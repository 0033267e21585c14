# calls.py - CPU benchmark: recursive calls, closures, methods and inheritance.
# Pure computation, no I/O until the checksum; run by bench/run_cpu.py.
M = 1000000007


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann_like(depth, width):
    """Calls with default and keyword arguments, *args, and a closure."""
    def add(x, y=1, *rest, scale=1):
        return (x + y + len(rest)) * scale

    total = 0
    for i in range(width):
        total = add(total, i, scale=1) % M
        total = add(total, *(1, 2, 3)) % M
        if depth > 0:
            total = (total + ackermann_like(depth - 1, 3)) % M
    return total


class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size

    def describe(self):
        return self.area() + self.perimeter()

    def perimeter(self):
        return 4 * self.size


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__(w)
        self.h = h

    def area(self):
        return self.size * self.h

    def perimeter(self):
        return 2 * (self.size + self.h)


def shapes(n):
    total = 0
    for i in range(n):
        s = Shape(i % 17) if i % 3 == 0 else Rect(i % 13, i % 7 + 1)
        total = (total + s.describe()) % M
    return total


def counter():
    count = 0

    def step(k):
        nonlocal count
        count += k
        return count

    return step


def closures(n):
    step = counter()
    last = 0
    for i in range(n):
        last = step(i % 10)
    return last


a = fib(29)
b = ackermann_like(6, 7)
c = shapes(2000000)
d = closures(1500000)
print("calls", a, b, c, d, (a + b + c + d) % M)
