# A list that is never closed before the end of the file.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
items = [
    1,
    2,
    3,
