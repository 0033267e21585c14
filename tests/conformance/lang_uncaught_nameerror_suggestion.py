# CPython 3.11 adds "Did you mean" to the printed traceback (not to str(e)).
counter = 1
try:
    print(countr)
except NameError as e:
    print("str(e):", e)
def show():
    message = "hi"
    print(mesage)
show()
