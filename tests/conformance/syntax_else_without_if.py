# An else with no matching if.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
x = 1
print("start")
else:
    print("orphan else")
