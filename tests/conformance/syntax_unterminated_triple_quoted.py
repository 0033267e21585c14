# A triple-quoted string that never ends.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
doc = """This docstring
is never closed.
print(doc)
x = 1
