# A name used before its global declaration.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
counter = 0

def bump():
    print(counter)
    global counter
    counter += 1

bump()
