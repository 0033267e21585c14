# The parenthesis on line 3 is never closed; the error appears later.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
total = sum([1, 2, 3]
def after():
    return 1
print(after())
