class Team:
    members = []
    count = 0
    def __init__(self, name):
        self.name = name
        self.members.append(name)
        Team.count += 1
        self.count += 100
a = Team("a")
b = Team("b")
print(Team.members, a.members is b.members)
print(Team.count, a.count, b.count)
class Fixed:
    def __init__(self, name):
        self.members = [name]
x = Fixed("x")
y = Fixed("y")
print(x.members, y.members)
class Counter:
    total = 0
    def inc(self):
        self.total += 1
        return self.total
c1 = Counter()
c1.inc()
c1.inc()
print(c1.total, Counter.total, Counter().total)
