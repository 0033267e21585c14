# A dict key followed by ':' but no value.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
print("start")
config = {"debug": True, "level": }
print(config)
