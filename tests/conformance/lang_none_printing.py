print(None)
print(str(None), repr(None), [None], (None,), {None: None})
def no_return():
    pass
result = no_return()
print(result)
print(print("inner print returns None"))
print([].append(1), {}.update(), [3, 1].sort())
print(None == False, None == 0, not None)
print(f"{None}", "%s" % None, "{}".format(None))
print(bool(None), type(None).__name__)
