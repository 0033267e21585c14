def stubborn():
    try:
        yield "still here"
    except GeneratorExit:
        print("ignoring GeneratorExit")
        yield "ignored"
    print("generator body ends")
g = stubborn()
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(g, "exhausted"))
g.close()
print("closing a finished generator is a no-op")
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("returning instead")
        return "ignored value"
r = returns_on_exit()
next(r)
print(r.close())
def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("raised during close")
x = raises_other()
next(x)
try:
    x.close()
except ValueError as e:
    print("close propagates:", repr(e))
