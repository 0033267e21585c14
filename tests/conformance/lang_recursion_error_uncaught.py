# Unbounded recursion: CPython's limit is 1000 frames.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
def walk(node):
    return walk(node + 1)
print("starting")
walk(0)
print("not reached")
