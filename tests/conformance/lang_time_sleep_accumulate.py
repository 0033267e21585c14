import time
from time import sleep, monotonic
for i in range(3):
    sleep(0.1)
    print(i, monotonic())
print(round(monotonic(), 6))
sleep(1)
print(monotonic())
sleep(2)
print(time.monotonic(), time.time())
def timed(f):
    def wrapper(*a):
        t = time.perf_counter()
        result = f(*a)
        print(f"{f.__name__} took {time.perf_counter() - t:.3f}s")
        return result
    return wrapper
@timed
def slow(n):
    time.sleep(n)
    return n
print(slow(0.5))
