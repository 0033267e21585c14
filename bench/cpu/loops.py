# loops.py - CPU benchmark: nested for/while loops over integer arithmetic.
# Pure computation, no I/O until the checksum; run by bench/run_cpu.py.
M = 1000000007


def grid(n):
    """Nested for loops with mixed arithmetic on small ints."""
    total = 0
    for i in range(n):
        row = i * 7 + 3
        for j in range(n):
            total = (total * 31 + row * j + (i + j) // 3 - (i - j) % 5) % M
    return total


def collatz_steps(limit):
    """A while loop with branches: total Collatz steps of 1..limit."""
    steps = 0
    for start in range(1, limit):
        x = start
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
    return steps


def sieve(n):
    """Primes below n by the sieve of Eratosthenes, as a list of flags."""
    flags = [True] * n
    flags[0] = flags[1] = False
    p = 2
    while p * p < n:
        if flags[p]:
            for k in range(p * p, n, p):
                flags[k] = False
        p += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


a = grid(1300)
b = collatz_steps(120000)
c = sieve(1200000)
print("loops", a, b, c, (a + b + c) % M)
