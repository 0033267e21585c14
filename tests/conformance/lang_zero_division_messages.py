# The exact messages of the different zero divisions.
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1.0 // 0", lambda: 1.0 // 0),
    ("1.0 % 0", lambda: 1.0 % 0),
    ("1 / 0.0", lambda: 1 / 0.0),
    ("divmod(5, 0)", lambda: divmod(5, 0)),
    ("divmod(5.0, 0.0)", lambda: divmod(5.0, 0.0)),
    ("pow(0, -2)", lambda: pow(0, -2)),
    ("5 % 0.0", lambda: 5 % 0.0),
]
for text, f in cases:
    try:
        f()
    except ZeroDivisionError as e:
        print(f"{text:18} -> {type(e).__name__}: {e}")
print(isinstance(ZeroDivisionError(), ArithmeticError))
