# A keyword used as a variable name.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
class = "first"
print(class)
