for v in [0, 7, 1234, 1234567, -9876543, 10 ** 12]:
    print(f"{v:,} {v:_}")
print(f"{1234567.891:,}")
print(f"{1234567.891:,.2f}")
print(f"{-0.5:,.3f}")
print(f"{1234567:>15,}|")
print(f"{1234567:015,}")
print(f"{255:_x}", f"{65535:_b}")
print(format(1000000, ","), format(1e6, ",.0f"))
print("{:,}".format(9999999))
try:
    print(f"{'text':,}")
except ValueError as e:
    print("ValueError:", e)
