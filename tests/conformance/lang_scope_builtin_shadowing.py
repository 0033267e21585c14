print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
def uses_list():
    list = [1, 2]
    return list
print(uses_list(), list("ab"))
def param_shadow(str):
    return str * 2
print(param_shadow(3), str(3))
max = 5
print(max)
del max
print(max(1, 9))
sum_ = sum
sum = "not a function"
try:
    sum([1])
except TypeError as e:
    print("TypeError:", e)
del sum
print(sum_([1, 2]), sum([3]))
