# An exception with several args: str() shows the args tuple.
def lookup(table, *keys):
    for k in keys:
        if k not in table:
            raise KeyError("first", 2)
    return [table[k] for k in keys]
table = {"a": 1, "b": 2}
print(lookup(table, "a", "b"))
e = KeyError("first", 2)
print(str(e), repr(e), e.args)
print("raising with two args")
lookup(table, "a", "z")
