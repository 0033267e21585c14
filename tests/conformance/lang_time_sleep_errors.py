import time
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
print(time.monotonic())
time.sleep(True)
print(time.monotonic())
