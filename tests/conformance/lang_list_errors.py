xs = [1, 2, 3]
tries = [
    lambda: xs[3],
    lambda: xs[-4],
    lambda: [].pop(),
    lambda: xs.pop(10),
    lambda: xs.remove(42),
    lambda: xs.index(42),
    lambda: xs + (4,),
    lambda: xs * "2",
    lambda: xs["0"],
    lambda: [1, 2] < [1, "a"],
]
for t in tries:
    try:
        t()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    xs[5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del xs[7]
except IndexError as e:
    print("IndexError:", e)
print(xs)
