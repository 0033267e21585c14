# The "=" specifier (3.8+) prints the expression text, then its repr.
name = "Ann"
count = 3
ratio = 2 / 3
print(f"{name=}")
print(f"{count=}")
print(f"{count + 1=}")
print(f"{count = }")
print(f"{ratio=:.2f}")
print(f"{name=!s}")
print(f"{[1, 2]=}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
p = P()
print(f"{p=}")
print(f"{p=!s}")
print(f"{len(name)=} {name.upper()=}")
