# Division by zero inside a function.
def average(values):
    return sum(values) / len(values)
print(average([1, 2, 3]))
print(average([2.5]))
try:
    average([])
except ZeroDivisionError as e:
    print("caught:", e)
print("next: empty list")
print(average([]))
print("not printed")
