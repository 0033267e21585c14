# Concatenating str and int.
def describe(name, age):
    return name + " is " + age + " years old"
print(describe("Ann", "30"))
print(describe("Cy", str(41)))
try:
    describe("Di", 5)
except TypeError as e:
    print("caught:", e)
print(describe("Bob", 30))
print("not reached")
