# The result of % has the sign of the divisor.
for a in (7, -7):
    for b in (3, -3):
        print(f"{a} % {b} = {a % b}")

for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.5, 1), (5, 0.75)]:
    print(a, "%", b, "=", a % b)

# a == (a // b) * b + a % b
for a in range(-6, 7, 3):
    for b in (4, -4):
        q, r = a // b, a % b
        print(a, b, q, r, q * b + r == a)
print(-1 % 10, 10 % -1, 0 % 5)
print(360 % 7, -360 % 7)
