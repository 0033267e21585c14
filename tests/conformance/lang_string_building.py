parts = []
for i in range(5):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for ch in "hello":
    s = ch + s
print(s)
table = []
for row in range(1, 4):
    table.append(" ".join(f"{row * col:3}" for col in range(1, 6)))
print("\n".join(table))
words = "the quick brown fox".split()
print(" ".join(w[::-1] for w in words))
print("".join(sorted("python")))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym)
line = "-" * 20
print(line)
print("|" + "x".center(18) + "|")
