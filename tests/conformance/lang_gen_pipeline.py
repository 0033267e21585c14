def read_lines():
    for line in ["10", "x", "20", "", "30"]:
        print("read", repr(line))
        yield line
def parse(lines):
    for line in lines:
        if line.strip() == "":
            continue
        try:
            yield int(line)
        except ValueError:
            print("skip bad", repr(line))
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
for t in running_total(parse(read_lines())):
    print("total", t)
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals()))))
