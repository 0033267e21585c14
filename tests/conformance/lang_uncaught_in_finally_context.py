# An exception raised in finally replaces the one in flight (chained as context).
def close_resource():
    raise OSError("close failed")
def use():
    try:
        print("using resource")
        raise ValueError("use failed")
    finally:
        print("closing")
        close_resource()
try:
    use()
except OSError as e:
    print("caught", repr(e), "context", repr(e.__context__))
use()
