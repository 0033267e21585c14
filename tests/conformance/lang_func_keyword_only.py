def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("a"))
print(connect("b", port=443, secure=True))
try:
    connect("c", 8080)
except TypeError as e:
    print("TypeError:", e)
def required_kw(*, key):
    return key
print(required_kw(key="k"))
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)
try:
    required_kw("pos")
except TypeError as e:
    print("TypeError:", e)
def after_args(*items, sep=", "):
    return sep.join(items)
print(after_args("x", "y"), after_args("x", "y", sep="-"))
def two_kw(*, a, b):
    return a - b
print(two_kw(b=1, a=10))
try:
    two_kw(a=1)
except TypeError as e:
    print("TypeError:", e)
