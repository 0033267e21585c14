# A misspelt builtin: whether CPython suggests a name depends on the distance.
values = [5, 2, 9]
total = 0
for v in values:
    total += v
print("total", total)
print("count", len(values))
try:
    print(lenght(values))
except NameError as e:
    print("caught:", e)
print(lenght(values))
