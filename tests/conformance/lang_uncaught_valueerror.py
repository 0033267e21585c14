# int() of a non-numeric string.
answers = ["42", "7", "seven"]
total = 0
print(int(" 8 "), int("-3"))
print(int("1_000") + 1)
for a in answers:
    n = int(a)
    total += n
    print("running total", total)
print("not reached")
