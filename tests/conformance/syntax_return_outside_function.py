# return at module level.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
for i in range(3):
    if i == 1:
        return i
print("end")
