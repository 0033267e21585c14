xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-2:])
print(xs[::-1])
print(xs[::-3], xs[8:2:-2], xs[-1:-4:-1])
print(xs[5:2], xs[100:], xs[-100:2])
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
zs = xs.copy()
zs[2:5] = ["a", "b"]
print(zs)
zs[1:1] = [0.5, 0.75]
print(zs)
zs[::2] = [None] * len(zs[::2])
print(zs)
del zs[::3]
print(zs)
del zs[1:3]
print(zs)
try:
    zs[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print(xs[3:-3], xs[-3:3])
