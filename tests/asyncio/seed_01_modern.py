# Seed example 1, corrected: the tutorial's second handler used `e` without
# binding it (`except StopIteration:`), which is a NameError in Python 3.
# Driving coroutines by hand with send(None) still works; the return value
# arrives as StopIteration.value.
async def test1():
    print("1")

async def test2():
    print("2")

a = test1()
b = test2()

try:
    a.send(None)  # runs test1 to the end
except StopIteration as e:
    print("test1 returned", e.value)

try:
    b.send(None)  # runs test2 to the end
except StopIteration as e:  # bind the exception this time
    print("test2 returned", e.value)
