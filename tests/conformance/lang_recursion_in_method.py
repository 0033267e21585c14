class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
    def __repr__(self):
        return f"Node({self.value}, {self.nxt!r})"
chain = None
for v in range(5):
    chain = Node(v, chain)
print(chain.length())
print(chain)
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"
try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError:", e)
