inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)
print(inf > 1e308, -inf < -1e308)
print(inf + 1, inf * -2, inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1)
x = nan
print(x == x, x is x)
print([nan] == [nan])
print(float("-inf"), float("Infinity"), float("NaN"))
print(1e308 * 10)
print(max(1, inf), min(-inf, 0))
print(inf == inf, inf / inf)
print(repr(inf), str(nan))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print(sorted([3.0, -inf, 1.5, inf]))
