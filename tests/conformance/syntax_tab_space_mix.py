# Inconsistent use of tabs and spaces in one block.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f():
        x = 1
	return x

print(f())
