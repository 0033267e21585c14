def count_up(limit):
    print("start")
    n = 0
    while n < limit:
        print("yielding", n)
        yield n
        n += 1
    print("end")
g = count_up(3)
print(type(g).__name__)
print("created, nothing ran yet")
for v in g:
    print("got", v)
print(list(count_up(2)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(5)), max(squares(4)), list(squares(0)))
g2 = squares(2)
print(next(g2), next(g2), next(g2, "exhausted"))
print(iter(g2) is g2)
