class P:
    cls_attr = 1
    def __init__(self):
        self.x = 0
p = P()
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    P.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    (5).real_part
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".push("x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].add(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(e.args)
except NameError as ne:
    print("e was deleted:", ne)
