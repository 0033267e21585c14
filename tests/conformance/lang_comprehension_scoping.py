x = "module x"
squares = [x * x for x in range(4)]
print(squares, x)
gen = list(y for y in "ab")
try:
    y
except NameError as e:
    print("NameError:", e)
n = 10
print([n + i for i in range(3)])
def f():
    factor = 3
    return [factor * v for v in range(3)]
print(f())
class C:
    base = 5
    values = [1, 2]
    doubled = [v * 2 for v in values]
print(C.doubled)
try:
    class D:
        base = 5
        shifted = [base + v for v in range(2)]
except NameError as e:
    print("NameError in class body comprehension:", e)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
for i in range(2):
    pass
print("loop variable leaks:", i)
