# divmod returns (a // b, a % b).
print(divmod(17, 5))
print(divmod(-17, 5))
print(divmod(17, -5))
print(divmod(-17, -5))
print(divmod(0, 3))
print(divmod(7.5, 2))
print(divmod(-7.5, 2))
q, r = divmod(125, 60)
print(f"{q} min {r} s")
seconds = 3725
h, rest = divmod(seconds, 3600)
m, s = divmod(rest, 60)
print(h, m, s)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("error:", e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print("error:", e)
