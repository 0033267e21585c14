def tag(name):
    print("making decorator", name)
    def deco(func):
        print("applying", name, "to", func.__name__)
        def wrapper():
            print("enter", name)
            r = func()
            print("exit", name)
            return f"<{name}>{r}</{name}>"
        wrapper.__name__ = func.__name__
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    print("in text")
    return "hello"
print("defined")
print(text())
def plain(f):
    print("plain decorator sees", f.__name__)
    return f
class Holder:
    @plain
    def method(self):
        return "method result"
print(Holder().method())
