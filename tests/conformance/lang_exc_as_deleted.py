e = "before"
try:
    raise ValueError("inside")
except ValueError as e:
    print("handler sees", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return saved
s = f()
print("saved survives:", repr(s))
try:
    int("x")
except ValueError as problem:
    problem = "reassigned"
    print(problem)
try:
    print(problem)
except NameError as err:
    print("after handler:", err)
