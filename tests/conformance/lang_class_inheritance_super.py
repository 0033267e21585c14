class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (tiny)"
for a in [Animal("generic"), Dog("rex", ["sit"]), Puppy("bit", [])]:
    print(a.speak(), "|", a.kind())
p = Puppy("bit", ["roll"])
print(p.tricks, p.name, isinstance(p, Animal))
print(Puppy.__bases__[0].__name__, Dog.__name__)
class Base:
    def __init__(self):
        print("Base.__init__")
class Child(Base):
    pass
Child()
class NoSuper(Base):
    def __init__(self):
        print("NoSuper.__init__ (Base not called)")
NoSuper()
