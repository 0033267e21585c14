print(repr("hi".center(10)))
print(repr("hi".center(9, "*")))
print(repr("odd".center(8, "-")))
print(repr("left".ljust(10, ".")))
print(repr("right".rjust(10)))
print(repr("toolong".center(3)))
print(repr("42".zfill(5)), repr("-42".zfill(6)), repr("+7".zfill(4)), repr("abc".zfill(5)))
print(repr("3.14".zfill(8)))
for name, score in [("alice", 93), ("bob", 7), ("charlotte", 100)]:
    print(name.ljust(10) + "|" + str(score).rjust(4) + "|")
print(repr("中文".center(6, "*")))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
