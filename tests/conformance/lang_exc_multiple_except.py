def trigger(kind):
    if kind == "key":
        {}["missing"]
    elif kind == "index":
        [][1]
    elif kind == "zero":
        1 / 0
    elif kind == "type":
        None + 1
    return "ok"
for kind in ["key", "index", "zero", "type", "none"]:
    try:
        print(trigger(kind))
    except (KeyError, IndexError) as e:
        print("lookup problem:", type(e).__name__, e)
    except ArithmeticError as e:
        print("math problem:", e)
    except Exception as e:
        print("other:", type(e).__name__, e)
try:
    raise KeyError("first match wins")
except LookupError:
    print("LookupError handler")
except KeyError:
    print("never: KeyError handler")
try:
    try:
        raise TypeError("not handled here")
    except ValueError:
        print("wrong")
except TypeError as e:
    print("handled outside:", e)
