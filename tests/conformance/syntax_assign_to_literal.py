# Assigning to a literal: CPython suggests '=='.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
x = 1
print("start")
if x == 1:
    1 = x
print("end")
