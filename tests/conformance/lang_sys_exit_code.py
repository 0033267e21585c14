import sys
def main():
    print("doing work")
    if True:
        print("exiting with 3")
        sys.exit(3)
    print("not reached")
try:
    main()
finally:
    print("finally runs on sys.exit")
