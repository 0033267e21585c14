class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return self.rank * 10 + len(self.suit)
    def __repr__(self):
        return f"Card({self.rank}, {self.suit!r})"
a = Card(10, "h")
b = Card(10, "h")
c = Card(2, "s")
print(a == b, a is b, a != c, a == "10h")
print(len({a, b, c}))
d = {a: "first"}
d[b] = "second"
print(d)
print(b in [c, a], c in {a})
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), len({p, p}))
