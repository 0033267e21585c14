def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, a=3),
    lambda: f(1, 2, c=3),
    lambda: g(1),
    lambda: g(1, 2, 3, c=4),
    lambda: g(),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len([], []),
    lambda: abs(x=1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
class K:
    def m(self, x):
        return x
try:
    K().m()
except TypeError as e:
    print("TypeError:", e)
try:
    K().m(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    K(1)
except TypeError as e:
    print("TypeError:", e)
