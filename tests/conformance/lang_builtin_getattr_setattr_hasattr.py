class Config:
    debug = False
    def __init__(self):
        self.name = "cfg"
c = Config()
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", "fallback"))
setattr(c, "level", 3)
print(c.level, hasattr(c, "level"), hasattr(c, "nope"), hasattr(Config, "debug"))
setattr(Config, "debug", True)
print(c.debug)
for attr in ["name", "level"]:
    setattr(c, attr, getattr(c, attr) * 2)
print(c.name, c.level)
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr("abc", "upper")())
print(hasattr([], "append"), hasattr(5, "append"))
del c.level
print(hasattr(c, "level"))
try:
    del c.level
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
