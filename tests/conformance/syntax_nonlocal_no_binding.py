# nonlocal that refers to no enclosing function variable.
total = 0

def outer():
    def inner():
        nonlocal total
        total += 1
    inner()

outer()
