class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.factor
double = Multiplier(2)
print(double(5), double("ab"), double.calls)
print(list(map(Multiplier(3), [1, 2, 3])))
print(callable(double))
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values, reset=False):
        if reset:
            self.total = 0
        self.total += sum(values)
        return self.total
acc = Accumulator()
print(acc(1, 2), acc(3), acc(10, reset=True))
def apply(f, v):
    return f(v)
print(apply(double, 21))
