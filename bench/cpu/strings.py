# strings.py - CPU benchmark: string building, join, f-strings, split and str methods.
# Pure computation, no I/O until the checksum; run by bench/run_cpu.py.
M = 1000000007


def checksum(text):
    """A position-weighted sum of code points (hash() is randomized, so not that)."""
    total = 0
    for i, ch in enumerate(text):
        total = (total * 131 + ord(ch) + i) % M
    return total


def build_lines(n):
    lines = []
    for i in range(n):
        name = "task-" + str(i)
        lines.append(f"{name:>12}|{i * 7 % 1000:05d}|{i / 8:.3f}|{'x' * (i % 5)}")
    return "\n".join(lines)


def parse_lines(text):
    total = 0
    for line in text.split("\n"):
        name, number, ratio, xs = line.split("|")
        total += int(number) + len(xs) + len(name.strip())
        if ratio.endswith("5"):
            total += 1
    return total


def transform(words):
    out = []
    for w in words:
        w = w.upper().replace("A", "4").lower()
        if w.startswith("t") and w.find("-") >= 0:
            w = w.center(14, "*")
        out.append("%s:%d" % (w, w.count("4")))
    return " ".join(out)


def concat(n):
    s = ""
    for i in range(n):
        s += chr(ord("a") + i % 26)
        if len(s) > 1000:
            s = s[500:]
    return s


text = build_lines(250000)
a = checksum(text[:200000])
b = parse_lines(text)
c = checksum(transform(text.split())[:150000])
d = checksum(concat(2500000))
print("strings", a, b, c, d, (a + b + c + d) % M)
