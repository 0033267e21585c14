try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
try:
    prnt("typo")
except NameError as e:
    print("NameError:", e)
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print("NameError:", e, e.args)
try:
    Len([1])
except NameError as e:
    print("NameError:", e)
