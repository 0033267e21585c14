s = {1, 2, 3}
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    {{}: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    s.remove(None)
except KeyError as e:
    print("KeyError:", e)
try:
    s + {4}
except TypeError as e:
    print("TypeError:", e)
print(s)
