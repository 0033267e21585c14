def return_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(return_in_finally())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
def loop_break():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(loop_break())
def loop_continue():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            out.append("f")
            continue
    return out
print(loop_continue())
def value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally sets x =", x)
print(value_captured())
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise RuntimeError("from finally")
try:
    finally_raises()
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
