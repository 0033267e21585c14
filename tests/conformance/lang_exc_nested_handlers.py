def level3():
    raise ValueError("deep")
def level2():
    try:
        level3()
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except KeyError:
        print("wrong handler")
    finally:
        print("level1 finally")
try:
    level1()
except ValueError as e:
    print("top caught", e)
def handler_raises():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as t:
            print("inner handler", t, "context", repr(t.__context__))
        print("back in outer handler")
handler_raises()
result = []
for i in range(3):
    try:
        try:
            if i == 1:
                raise IndexError(i)
            result.append(i)
        except IndexError:
            result.append("caught")
            raise
    except IndexError:
        result.append("re-caught")
print(result)
