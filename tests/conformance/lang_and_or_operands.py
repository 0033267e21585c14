print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "value" or "default")
print(None and 1, [] or {}, [] and {})
print(0 or "" or None, 1 and "a" and [3])
name = ""
print(name or "anonymous")
def loud(v):
    print("eval", v)
    return v
print(loud(0) and loud(1))
print(loud(1) or loud(2))
print(loud(1) and loud(0) or loud(3))
print(not 0, not "x", not not [])
print(True and False or True, not True == False)
print(1 < 2 and "yes" or "no")
x = 5
print(x > 3 and x < 10, x > 3 and x > 10)
