# nonlocal at module level after an assignment: a different message wins.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
count = 0
nonlocal count
count += 1
print(count)
