import sys
n = sys.stdout.write("hello\n")
print(n)
n = sys.stdout.write("中文\n")
print(n)
sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
sys.stdout.flush()
print(sys.stdout.write(""))
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print("a", end="")
sys.stdout.write("b")
print("c")
