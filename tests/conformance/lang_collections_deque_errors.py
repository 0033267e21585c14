from collections import deque
d = deque()
for op in ["pop", "popleft"]:
    try:
        getattr(d, op)()
    except IndexError as e:
        print("IndexError:", e)
try:
    deque([1])[5]
except IndexError as e:
    print("IndexError:", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError:", e)
print(deque([3, 1, 2], maxlen=5))
print(repr(deque(["it's", None])))
