# An f-string with an empty replacement field.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
name = "x"
print("start")
print(f"hello {}")
