# An extra closing parenthesis.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f(x):
    return x * 2

print("start")
value = f(3))
print(value)
