# Calling a function with a missing argument.
def greet(name, greeting):
    print(greeting, name)
greet("world", "hello")
greet(greeting="hi", name="there")
try:
    greet()
except TypeError as e:
    print("caught:", e)
greet("world")
print("not reached")
