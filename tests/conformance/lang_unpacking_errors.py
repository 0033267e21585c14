tests = [
    "a, b = [1, 2, 3]",
    "a, b, c = [1, 2]",
    "a, b = 5",
    "a, *b, c = [1]",
    "a, b = 'xyz'",
    "(a, b), c = [1, 2, 3], 3",
]
def t1():
    a, b = [1, 2, 3]
def t2():
    a, b, c = [1, 2]
def t3():
    a, b = 5
def t4():
    a, *b, c = [1]
def t5():
    a, b = "xyz"
def t6():
    (a, b), c = [1, 2, 3], 3
for text, f in zip(tests, [t1, t2, t3, t4, t5, t6]):
    try:
        f()
        print(text, "-> ok")
    except (ValueError, TypeError) as e:
        print(text, "->", type(e).__name__ + ":", e)
