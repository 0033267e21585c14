def risky():
    raise ValueError("original message")
def wrapper():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("outer got", repr(e))
def reraise_variable():
    try:
        risky()
    except ValueError as e:
        err = e
    raise err
try:
    reraise_variable()
except ValueError as e:
    print("again", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
wrapper()
