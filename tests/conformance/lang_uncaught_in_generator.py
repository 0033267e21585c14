# An exception raised inside a generator propagates out of the for loop.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator failed after 2 items")
g = numbers()
print(next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("caught:", e)
print(next(g, "generator is finished"))
for n in numbers():
    print("got", n)
print("not reached")
