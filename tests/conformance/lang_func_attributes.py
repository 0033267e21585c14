def documented(a, b=2):
    "Adds two numbers."
    return a + b
print(documented.__name__)
print(documented.__doc__)
print(documented.__defaults__)
def nodoc():
    pass
print(nodoc.__doc__, nodoc())
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__)
class C:
    def method(self):
        """Method doc."""
    class Nested:
        def deep(self):
            pass
print(C.method.__qualname__, C.Nested.deep.__qualname__, C.method.__doc__)
print((lambda: 0).__name__, (lambda: 0).__qualname__)
documented.tag = "custom attribute"
print(documented.tag)
print(documented.__module__)
