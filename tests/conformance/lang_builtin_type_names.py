values = [1, 1.5, "s", True, None, [1], (1,), {1: 2}, {1}, frozenset(), range(2), len, print]
for v in values:
    print(type(v).__name__, type(v))
def f():
    pass
async def g():
    pass
print(type(f).__name__, type(lambda: 0).__name__, type(g).__name__)
class Thing:
    pass
print(type(Thing()).__name__, type(Thing).__name__, Thing.__name__)
print(type(Thing()))
print(type(type))
print(int, str, object, Exception, ValueError)
print(type(iter([])).__name__, type(iter({})).__name__)
print(type(x for x in []).__name__)
print(type(1) == int, type(1) is int)
