print("ab" + "cd", "ab" * 3, 3 * "x", "x" * 0, "x" * -2 == "")
try:
    "age: " + 30
except TypeError as e:
    print("TypeError:", e)
try:
    30 + " years"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.5
except TypeError as e:
    print("TypeError:", e)
try:
    "a" - "b"
except TypeError as e:
    print("TypeError:", e)
try:
    idx = 1.0
    "abc"[idx]
except TypeError as e:
    print("TypeError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
print("age: " + str(30))
s = "a"
s += "b"
s *= 2
print(s)
