import functools
def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("->", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper
@traced
def area(w, h):
    """Area of a rectangle."""
    return w * h
print(area(3, 4))
print(area.__name__, area.__doc__, area.__qualname__)
print(area.__wrapped__(5, 6))
print(area.__wrapped__.__name__)
def bare(func):
    def wrapper(*args):
        return func(*args)
    return wrapper
@bare
def named():
    """Doc."""
print(named.__name__, named.__doc__)
from functools import wraps
def deco(f):
    @wraps(f)
    def w():
        return f() + 1
    return w
@deco
@deco
def base():
    return 0
print(base(), base.__name__, base.__wrapped__(), base.__wrapped__.__wrapped__())
