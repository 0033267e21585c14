import functools
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(5), cube(2))
two_to = functools.partial(power, 2)
print(two_to(10), two_to(exp=3))
print(square.func is power, square.args, square.keywords)
print(two_to.args, two_to.keywords)
def tag(name, text, sep=""):
    return f"<{name}>{sep}{text}{sep}</{name}>"
bold = functools.partial(tag, "b")
print(bold("hi"), bold("hi", sep=" "))
nested = functools.partial(bold, sep="_")
print(nested("x"), nested.func is tag, nested.args, nested.keywords)
p = functools.partial(max, 10)
print(p(3), p(30, 20))
print(repr(p))
print(repr(functools.partial(print, "a", sep="-")))
print(callable(square), type(square).__name__)
try:
    functools.partial(power, 1, 2)(3)
except TypeError as e:
    print("TypeError:", e)
