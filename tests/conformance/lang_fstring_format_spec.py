x = 3.14159
n = 42
s = "hi"
print(f"[{n:>5}] [{n:<5}] [{n:^5}] [{n:05}]")
print(f"[{x:.2f}] [{x:8.3f}] [{x:<8.1f}] [{x:+.1f}]")
print(f"[{s:>5}] [{s:<5}] [{s:^6}] [{s:*^7}]")
print(f"[{n:x}] [{n:X}] [{n:o}] [{n:b}] [{n:#x}] [{n:#b}]")
print(f"[{n:+d}] [{-n:d}] [{n: d}]")
print(f"[{x:e}] [{x:.3e}] [{x:g}] [{0.00001:g}]")
print(f"[{0.5:%}] [{0.125:.1%}]")
print(f"[{1234.5:10,.2f}]")
print(f"[{n:=+6}] [{-n:=6}]")
print(f"[{x:.0f}] [{2.5:.0f}] [{3.5:.0f}]")
print(f"[{True:>6}] [{None!s:>6}]")
print(f"[{'abcdef':.3}] [{'abcdef':>8.2}]")
print(f"[{12:3}] [{'12':3}]")
try:
    print(f"{s:d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{n:s}")
except ValueError as e:
    print("ValueError:", e)
