class Version:
    def __init__(self, text):
        self.parts = [int(p) for p in text.split(".")]
        self.text = text
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return f"v{self.text}"
vs = [Version(t) for t in ["1.10", "1.2", "0.9.9", "1.2.1", "1.0"]]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(min(vs), max(vs))
print(Version("2.0") < Version("10.0"), Version("3.0") > Version("2.0"))
try:
    Version("1.0") <= Version("1.0")
except TypeError as e:
    print("TypeError:", e)
class Task:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return self.name
tasks = [Task(2, "b1"), Task(1, "a1"), Task(2, "b2"), Task(1, "a2")]
print(sorted(tasks))
tasks.sort(reverse=True)
print(tasks)
