d = {"key": "value", "n": 3}
xs = [1, 2, 3]
print(f"{d['key']} {d['n'] * 2}")
print(f"{xs[-1]} {len(xs)} {sum(xs)}")
print(f"{'yes' if xs else 'no'}")
print(f"{[x * x for x in xs]}")
print(f"{ {k: 1 for k in 'ab'} }")
print(f"{(lambda v: v + 1)(41)}")
print(f"{'nested ' + f'{xs[0]}'}")
print(f"{{braces}} {{{xs[0]}}}")
print(f"{3 * 'ab'}")
name = "world"
print(f"hello {name.upper()}!")
print(F"capital F {1}", rf"raw\n{name}", fr"{name}\t")
print(f"{len('x'):>3}" f"|{2}")
print(f"""triple {name}
second line {xs}""")
