funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make(n):
    return lambda: n
funcs = [make(i) for i in range(3)]
print([f() for f in funcs])
def outer():
    fs = []
    for name in ["a", "b"]:
        def show():
            return name
        fs.append(show)
    name = "changed"
    return fs
print([f() for f in outer()])
x = "global"
def read_later():
    return x
x = "rebound"
print(read_later())
