# 全角逗号 (full-width comma) between arguments.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def add(a, b):
    return a + b

print(add(1，2))
