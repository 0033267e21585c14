# CPython 3.11 adds "Did you mean" to the printed traceback (not to str(e)).
items = [3, 1, 2]
try:
    items.apend(4)
except AttributeError as e:
    print("str(e):", e)
class Config:
    def __init__(self):
        self.verbose = True
c = Config()
print(c.verbose)
print(c.verbos)
