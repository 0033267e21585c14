class WithCall:
    def __call__(self):
        return "called"
class Plain:
    def method(self):
        return 1
def f():
    pass
things = [f, lambda: 0, print, len, WithCall, WithCall(), Plain(), Plain().method, 5, "s", None, int, [].append]
print([callable(t) for t in things])
try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    s = "text"
    s(1)
except TypeError as e:
    print("TypeError:", e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print("TypeError:", e)
