# An f-string with an unclosed brace.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
value = 3
print("start")
print(f"value = {value")
