def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 10, 99]:
    print(n, classify(n))
x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
else:
    print("both empty")
if x: print("one-line if")
if 0: pass
else: print("one-line else")
