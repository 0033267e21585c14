# sys.exit("text") prints the text to stderr and exits with status 1.
import sys
def load_config(path):
    if not path.endswith(".ini"):
        sys.exit("fatal: configuration missing")
    return {"path": path}
print(load_config("app.ini"))
try:
    load_config("x")
except SystemExit as e:
    print("caught once:", repr(e.code))
print("about to fail")
load_config("app.txt")
print("not reached")
