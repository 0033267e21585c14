def noisy(x):
    print("computing", x)
    return x * 10
gen = (noisy(x) for x in range(3))
print("generator created")
print(next(gen))
print("between")
print(list(gen))
print(list(gen))
lst = [noisy(x) for x in range(2)]
print("list built", lst)
print(sum(x * x for x in range(4)))
print(any(noisy(x) > 5 for x in range(5)))
g = (c.upper() for c in "abc")
print(type(g).__name__, "".join(g))
evens = (n for n in range(10) if n % 2 == 0)
pairs = ((a, b) for a in range(2) for b in "xy")
print(list(evens), list(pairs))
