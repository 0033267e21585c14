# The same parameter name twice.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f(a, b, a):
    return a + b

print(f(1, 2, 3))
