# The same keyword argument twice in one call.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def f(**kw):
    return kw

print("start")
print(f(a=1, a=2))
