# An opening parenthesis that is never closed.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f(a, b):
    return a + b

print("start")
result = f(1,
           2
print(result)
x = 1
