x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 4 > 3 > 2 > 2)
print(1 == 1.0 == True, 0 == False == 0.0, 1 < 3 != 3)
print(x == 5 != 6, 2 <= x <= 5, 5 >= x > 4)
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(5))
print(f(3) < f(2) < f(1))
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a != b)
print(None is None, 1 in [1] in [[1]])
print("a" < "b" < "c", (1, 2) < (1, 3) <= (1, 3))
print(1 < 2 == 2 > 1)
