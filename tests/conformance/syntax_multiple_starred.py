# Two starred targets in one assignment.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
*a, *b = [1, 2, 3]
print(a, b)
