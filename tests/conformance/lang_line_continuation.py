total = 1 + \
        2 + \
        3
print(total)
items = [
    "one",
    "two",   # a comment inside brackets
    "three",
]
print(items)
result = (10
          * 2
          - 5)
print(result)
d = {
    "a": 1,
    "b": [
        2, 3,
    ],
}
print(d)
def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
if (total > 5 and
        result > 10):
    print("both conditions")
text = "long string " \
       "continued"
print(text)
print(len([x for x in range(10)
           if x % 2]))
