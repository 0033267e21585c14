# nonlocal at module level.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
nonlocal count
count = 0
count += 1
print(count)
