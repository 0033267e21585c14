def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"no {k}") from None
try:
    lookup({}, "x")
except LookupError as e:
    print("caught:", e)
    print("cause:", e.__cause__)
    print("context:", repr(e.__context__))
    print("suppress:", e.__suppress_context__)
lookup({}, "y")
