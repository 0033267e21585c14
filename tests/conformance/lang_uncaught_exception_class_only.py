# raise with a class and no message: the last line is just the class name.
def check(flag):
    if not flag:
        raise NotImplementedError
    return flag
print(check(1))
try:
    check(0)
except NotImplementedError as e:
    print("caught:", repr(e), repr(str(e)))
check(0)
print("not reached")
