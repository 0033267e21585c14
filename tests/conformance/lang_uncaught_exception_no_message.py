# An exception instance without args: the last line is just the class name.
class Custom(Exception):
    pass
try:
    raise Custom
except Custom as e:
    print("caught", repr(e), repr(str(e)))
try:
    raise ValueError()
except ValueError as e:
    print("caught", repr(e), e.args)
print("now raise ValueError() uncaught")
raise ValueError()
