import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit, code =", e.code, repr(e))
try:
    sys.exit(5)
except SystemExit as e:
    print("code", e.code, isinstance(e, Exception), isinstance(e, BaseException))
try:
    raise SystemExit("text")
except BaseException as e:
    print(type(e).__name__, e.code)
print("exiting with None")
sys.exit(None)
