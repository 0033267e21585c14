# A Chinese exception message in the last stderr line.
def check(value):
    if value < 0:
        raise ValueError("值不能为负数: " + str(value))
    return value
print(check(5))
try:
    check(-2)
except ValueError as e:
    print("捕获:", e)
check(-1)
