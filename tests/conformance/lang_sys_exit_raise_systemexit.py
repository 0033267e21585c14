# raise SystemExit(7) is not caught by "except Exception"; finally still runs.
def cleanup():
    print("cleanup")
def main():
    print("main starts")
    raise SystemExit(7)
try:
    main()
except Exception:
    print("Exception does not catch SystemExit")
finally:
    cleanup()
print("not reached")
