excs = [
    Exception(),
    Exception("msg"),
    Exception("a", 1),
    ValueError("bad value"),
    KeyError("key"),
    KeyError("a", "b"),
    IndexError(3),
    RuntimeError(None),
    StopIteration(42),
    TypeError(""),
    ZeroDivisionError("division by zero"),
    AssertionError(),
    NotImplementedError("todo"),
    TimeoutError(),
    SystemExit(2),
    KeyboardInterrupt(),
]
for e in excs:
    print(type(e).__name__, "| str:", repr(str(e)), "| repr:", repr(e), "| args:", e.args)
e = ValueError("x")
e.args = ("changed", 2)
print(str(e), repr(e))
print(str(StopIteration(42).value), StopIteration().value, StopIteration(1, 2).value)
print(SystemExit(3).code, SystemExit().code, SystemExit("m").code)
