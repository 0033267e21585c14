for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = 7
parity = "odd" if x % 2 else "even"
print(parity)
print([("F" if i % 3 == 0 else "") + ("B" if i % 5 == 0 else "") or str(i) for i in range(1, 16)])
f = (lambda v: v * 2) if x > 5 else (lambda v: v)
print(f(10))
print(1 if [] else 2, "a" if "0" else "b")
def side(v):
    print("side", v)
    return v
print(side("yes") if True else side("no"))
