# A dedent to a level that matches no outer block.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f():
    if True:
        print("inner")
      print("misaligned")
    return 1
f()
