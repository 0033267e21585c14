a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
x = None
if x is None:
    print("x is None")
def f():
    pass
print(f() is None)
print(True is True, (1 == 1) is True)
print(id(a) == id(b), id(a) == id(c))
s = "text"
t = s
print(s is t)
print(type(1) is int, type("s") is not str)
empty1 = ()
empty2 = ()
print(empty1 == empty2)
