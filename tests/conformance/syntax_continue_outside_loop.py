# continue with no enclosing loop.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f(x):
    if x:
        continue
    return x

print(f(1))
