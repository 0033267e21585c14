# A parameter without a default after one with a default.
import sys


def helper(value):
    """Valid code before the error: nothing runs if the file fails to compile."""
    return value * 2


print("never printed:", helper(21))
def connect(host="localhost", port):
    return host, port

print(connect(port=80))
