# try with neither except nor finally.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
try:
    x = 1 / 0
print("after")
