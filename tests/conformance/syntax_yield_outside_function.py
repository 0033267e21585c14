# yield at module level.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
values = [1, 2, 3]
for v in values:
    yield v
print("end")
