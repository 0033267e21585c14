class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def pop(self):
        if self.is_empty():
            raise IndexError("pop from empty stack")
        return self.items.pop()
    def is_empty(self):
        return len(self) == 0
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return f"Stack({self.items})"
    def __iter__(self):
        return iter(reversed(self.items))
s = Stack().push(1).push(2).push(3)
print(s, len(s), list(s))
print(s.pop(), s)
while not s.is_empty():
    print("popped", s.pop())
try:
    s.pop()
except IndexError as e:
    print("IndexError:", e)
print(bool(s), s)
