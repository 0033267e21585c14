# A missing colon after an if condition.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("this never prints: the whole file fails to compile")
x = 5
if x > 3
    print("big")
else:
    print("small")
print("done")
