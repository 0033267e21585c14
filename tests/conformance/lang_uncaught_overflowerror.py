# int() of an infinite float overflows.
values = [1.5, 1e18, float("inf")]  # 1e18: within the 64-bit integers of LANGUAGE.md
print(1e308 * 10, -1e308 * 10)
try:
    int(float("-inf"))
except OverflowError as e:
    print("caught:", e)
for v in values:
    print("converting", v)
    print(int(v) > 0)
print("not reached")
