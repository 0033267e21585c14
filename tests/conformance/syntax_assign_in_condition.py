# '=' where '==' was meant.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
x = 5
print("start")
if x = 5:
    print("five")
