for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for ch in "a1b2c3":
    if ch.upper() == ch.lower():
        continue
    print("letter", ch)
for x in []:
    print("never")
else:
    print("empty loop else")
for i in range(3):
    pass
print("i after loop:", i)
for i, ch in enumerate("xyz"):
    if ch == "y":
        break
else:
    print("not reached")
print("stopped at", i, ch)
total = 0
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            continue
        total += v
print(total)
