# A line indented for no reason.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
x = 1
    y = 2
print(x + y)
