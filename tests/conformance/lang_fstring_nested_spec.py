width = 10
prec = 3
value = 2.718281828
print(f"[{value:{width}.{prec}f}]")
print(f"[{value:>{width}}]")
for w in (4, 8):
    for p in (1, 2):
        print(f"[{value:{w}.{p}f}]")
align = "^"
fill = "~"
print(f"[{'mid':{fill}{align}{width}}]")
spec = ">6"
print(f"[{42:{spec}}]")
rows = [("apple", 1.5), ("kiwi", 12.25), ("banana", 100.0)]
w = max(len(r[0]) for r in rows)
for name, price in rows:
    print(f"{name:<{w}} | {price:>{w}.2f}")
print(f"{'{'}{value:.1f}{'}'}")
print(f"{{ {value:.0f} }}")
