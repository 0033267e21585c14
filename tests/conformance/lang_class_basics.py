class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.dist2(), p.dims, Point.dims)
p.move(1, 1).move(-2, 0)
print(p.x, p.y)
q = Point(0, 0)
q.dims = 3
print(q.dims, Point.dims, p.dims)
Point.dims = 5
print(p.dims, q.dims)
print(type(p).__name__, isinstance(p, Point))
m = p.move
m(10, 10)
print(p.x, p.y)
Point.move(p, 1, 1)
print(p.x, p.y)
class Empty:
    pass
e = Empty()
e.anything = 42
print(e.anything)
