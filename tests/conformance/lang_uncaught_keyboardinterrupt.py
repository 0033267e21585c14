# An uncaught KeyboardInterrupt: CPython prints the traceback, then kills
# itself with SIGINT, so the exit status is 130 (128 + 2).
def work():
    print("working...")
    raise KeyboardInterrupt
try:
    work()
except Exception:
    print("not caught by except Exception")
try:
    work()
except KeyboardInterrupt:
    print("caught explicitly once")
try:
    work()
finally:
    print("cleanup runs first")
