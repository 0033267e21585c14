# The closing bracket does not match the opening one.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
data = {"a": [1, 2, 3)}
print(data)
