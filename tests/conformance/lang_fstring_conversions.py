name = "Ann"
items = ["x", 'y']
print(f"{name}")
print(f"{name!r}")
print(f"{name!s}")
print(f"{items}")
print(f"{items!r}")
print(f"{name!r:>10}|")
print(f"{3.0!r} {None!r} {True!s}")
print(f"{'it' + chr(39) + 's'!r}")
print(f"{name!r}{name}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
print(f"{P()} {P()!r} {P()!s}")
