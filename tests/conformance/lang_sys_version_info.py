# sys.version_info describes CPython 3.11.
import sys
print(sys.version_info[:2])
print(sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 8), sys.version_info < (4,))
major, minor = sys.version_info[:2]
print(f"Python {major}.{minor}")
if sys.version_info >= (3, 11):
    print("TaskGroup available")
else:
    print("too old")
