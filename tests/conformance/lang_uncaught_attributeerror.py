# Calling a method that does not exist.
class Robot:
    def __init__(self, name):
        self.name = name
    def talk(self):
        return self.name + " beeps"
r = Robot("r2")
print(r.name)
print(r.talk())
print(hasattr(r, "walk"))
r.walk()
print("not reached")
