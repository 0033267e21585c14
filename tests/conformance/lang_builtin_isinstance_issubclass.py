print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance("s", (int, str)), isinstance(None, type(None)), isinstance([], (tuple, dict)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(int, int))
class Animal:
    pass
class Dog(Animal):
    pass
class Puppy(Dog):
    pass
p = Puppy()
print(isinstance(p, Animal), isinstance(p, Dog), isinstance(Animal(), Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (str, Animal)))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(isinstance(ValueError("x"), Exception), isinstance(KeyboardInterrupt(), Exception))
print(type(p) is Puppy, type(p) == Dog, type(True) is bool)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(p, Animal)
except TypeError as e:
    print("TypeError:", e)
