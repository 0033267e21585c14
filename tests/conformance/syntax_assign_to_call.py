# Assigning to a function call.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def get():
    return 1

print("start")
get() = 5
print("end")
