def task():
    yield "step 1"
    yield "step 2"
    return "final result"
t = task()
while True:
    try:
        print(next(t))
    except StopIteration as e:
        print("returned:", e.value)
        break
def no_return():
    yield 1
n = no_return()
next(n)
try:
    next(n)
except StopIteration as e:
    print("implicit return value:", e.value)
def early(flag):
    if flag:
        return "early exit"
    yield "never if flag"
try:
    next(early(True))
except StopIteration as e:
    print(e.value)
print(list(early(False)))
print(list(task()))
