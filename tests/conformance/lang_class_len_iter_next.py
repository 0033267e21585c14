class Countdown:
    def __init__(self, start):
        self.start = start
    def __len__(self):
        return self.start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(len(c), list(c), list(c))
for x in c:
    print("tick", x)
print(sum(c), max(c), sorted(c), 2 in c)
it = iter(c)
print(next(it), next(it), next(it), next(it, "end"))
print(bool(Countdown(0)), bool(Countdown(2)))
a, b, cc = Countdown(3)
print(a, b, cc)
print([x * 10 for x in Countdown(4)])
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
