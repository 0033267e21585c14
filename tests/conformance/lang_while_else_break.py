n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("while finished normally")
n = 0
while True:
    n += 1
    if n == 2:
        continue
    if n > 4:
        break
    print("loop", n)
else:
    print("never printed")
print("after break, n =", n)
i = 10
while i > 0:
    i -= 3
else:
    print("else with i =", i)
count = 0
while count < 100:
    count += 7
    if count % 5 == 0:
        print("found", count)
        break
else:
    print("not found")
