# A positional argument after a keyword argument.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f(a, b):
    return a + b

print("start")
print(f(a=1, 2))
