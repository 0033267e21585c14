def shout(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        result = func(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@shout
def add(a, b):
    return a + b
print(add(2, 3))
print(add.__name__)
registry = []
def register(func):
    registry.append(func.__name__)
    return func
@register
def one():
    return 1
@register
def two():
    return 2
print(registry, one(), two())
def count_calls(func):
    def wrapper(*a):
        wrapper.calls += 1
        return func(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def hello():
    return "hi"
hello()
hello()
print(hello.calls)
