# lists_dicts.py - CPU benchmark: list appends, sorting, dict counting, comprehensions.
# Pure computation, no I/O until the checksum; run by bench/run_cpu.py.
from collections import deque

M = 1000000007


def numbers(n, seed):
    """A deterministic pseudo-random list (a linear congruential generator)."""
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 100000)
    return out


def count_words(values):
    counts = {}
    for v in values:
        key = "k" + str(v % 997)
        counts[key] = counts.get(key, 0) + 1
    groups = {}
    for key, n in counts.items():
        groups.setdefault(n % 10, []).append(key)
    return sum(len(k) * n for n, keys in groups.items() for k in keys) + len(counts)


def sorting(values):
    a = sorted(values)
    b = sorted(values, key=lambda v: (v % 100, -v))
    pairs = [(v % 50, i) for i, v in enumerate(values[:50000])]
    pairs.sort(reverse=True)
    return (a[len(a) // 2] + b[0] + b[-1] + pairs[0][1] + pairs[-1][1]) % M


def comprehensions(values):
    squares = [v * v % 1000 for v in values if v % 3 == 0]
    unique = {v % 5000 for v in values}
    index = {v: i for i, v in enumerate(values[:100000])}
    evens = list(filter(lambda v: v % 2 == 0, values[:100000]))
    return (sum(squares) + len(unique) + len(index) + max(evens) + min(evens)) % M


def queue_work(n):
    q = deque()
    total = 0
    for i in range(n):
        q.append(i)
        if len(q) > 100:
            total = (total + q.popleft() * 3) % M
    while q:
        total = (total + q.pop()) % M
    return total


def list_ops(values):
    stack = []
    total = 0
    for v in values[:200000]:
        if v % 4 == 0 and stack:
            total += stack.pop()
        else:
            stack.append(v)
    stack.reverse()
    stack.insert(0, 7)
    return (total + stack[0] + stack[-1] + len(stack)) % M


values = numbers(600000, 42)
a = count_words(values)
b = sorting(values)
c = comprehensions(values)
d = queue_work(600000)
e = list_ops(values)
print("lists_dicts", a, b, c, d, e, (a + b + c + d + e) % M)
