def f(*args, **kwargs):
    print("args =", args, "kwargs =", kwargs)
f()
f(1, 2)
f(a=1)
f(1, "two", x=3, y=[4])
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3))
def describe(name, **info):
    parts = [name]
    for k, v in info.items():
        parts.append(f"{k}={v}")
    return " ".join(parts)
print(describe("box", w=2, h=3, color="red"))
def forward(*a, **k):
    return describe(*a, **k)
print(forward("fwd", z=0))
def mixed(a, b=2, *args, **kwargs):
    return (a, b, args, kwargs)
print(mixed(1))
print(mixed(1, 3, 5, 7, k="v"))
