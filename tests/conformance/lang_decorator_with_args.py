def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def greet(name):
    return "hi " + name
print(greet("ann"))
def prefix(tag, sep=": "):
    def deco(func):
        def wrapper(msg):
            return func(tag + sep + msg)
        return wrapper
    return deco
@prefix("INFO")
def log(msg):
    return msg
@prefix("WARN", sep=" | ")
def warn(msg):
    return msg.upper()
print(log("started"))
print(warn("disk low"))
def validate(*types):
    def deco(func):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"expected {t.__name__}, got {type(a).__name__}")
            return func(*args)
        return wrapper
    return deco
@validate(int, int)
def mul(a, b):
    return a * b
print(mul(6, 7))
try:
    mul(6, "7")
except TypeError as e:
    print("TypeError:", e)
