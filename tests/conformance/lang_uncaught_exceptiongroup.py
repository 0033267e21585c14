# The last stderr line of an uncaught ExceptionGroup is the box's bottom border.
eg = ExceptionGroup("several problems", [ValueError("bad value"), KeyError("k")])
print(str(eg))
print(repr(eg))
print(len(eg.exceptions), [type(e).__name__ for e in eg.exceptions])
print(eg.message)
try:
    raise eg
except ExceptionGroup as caught:
    print("caught group:", caught.message)
raise ExceptionGroup("one problem", [TypeError("t")])
