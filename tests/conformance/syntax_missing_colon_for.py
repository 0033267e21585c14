# A missing colon after for.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
total = 0
for i in range(10)
    total += i
print(total)
