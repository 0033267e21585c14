total = 10
def broken():
    total += 1
    return total
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def late():
    print(value)
    value = 1
try:
    late()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def conditional(flag):
    if flag:
        result = "set"
    return result
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(issubclass(UnboundLocalError, NameError))
def deleted():
    x = 1
    del x
    return x
try:
    deleted()
except NameError as e:
    print(type(e).__name__ + ":", e)
