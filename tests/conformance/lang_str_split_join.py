s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a,b,,c".split(",", maxsplit=2))
print("".split(), "".split(","))
print("one two three".split(None, 1))
print("-".join(["a", "b", "c"]))
print("".join(["x", "y"]))
print(", ".join(str(n) for n in range(5)))
print(" ".join("hello"))
print("\n".join(["line1", "line2"]))
try:
    print("-".join([1, 2]))
except TypeError as e:
    print("TypeError:", e)
print("a b c".split(" ", 0))
print("k=v=w".split("="))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
