# sys.exit(True) means status 1 and no message; sys.exit(False) would be 0.
import sys
def status_for(flag):
    try:
        sys.exit(flag)
    except SystemExit as e:
        return e.code
print(status_for(False), status_for(True), status_for(0), status_for(4))
errors = ["disk full"]
for err in errors:
    print("error:", err)
print("exit(True) means status 1, no message")
sys.exit(bool(errors))
