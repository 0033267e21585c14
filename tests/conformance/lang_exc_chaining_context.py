def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse " + repr(s))
try:
    parse("abc")
except RuntimeError as e:
    print("caught:", e)
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__, "suppress:", e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError as inner:
        print("handling", repr(inner))
        [][0]
except IndexError as outer:
    print("outer context is KeyError:", type(outer.__context__).__name__)
print("now uncaught:")
parse("xyz")
